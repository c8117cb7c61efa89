<?cs def:content() ?>
<?cs call:confirm_word(Source.path + "/delete", "delete", Lang.integrations.scim_source_delete.title, Lang.integrations.scim_source_delete.body, Lang.common.delete, Source.path) ?>
<?cs /def ?>
