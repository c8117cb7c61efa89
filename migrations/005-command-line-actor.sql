-- The command line's actor is named "Command line": users it created show
-- MODIFIED ON (BY) as a name, not nested parentheses. Events keep their
-- actor name as written (guide §2.16).
UPDATE users SET updated_by_name = 'Command line' WHERE updated_by_name = 'System (command line)';
