<?cs include:"auth/token_password.cs" ?>
<?cs def:content() ?><?cs call:token_password_page(Lang.auth.reset, "/reset") ?><?cs /def ?>
