<?cs # Mitel One licences by tier as the guide lists them (§3.1.4.1): "label: (total): Elite (n), Premier (n), Essential (n)". ?>
<?cs def:tier_counts(label, total, tiers, field) ?>
<p><?cs var:label ?>: (<?cs var:total ?>):<?cs each:t = tiers ?> <?cs var:t.name ?> (<?cs var:t[field] ?>)<?cs if:name(t) < subcount(tiers) - 1 ?>,<?cs /if ?><?cs /each ?></p>
<?cs /def ?>
