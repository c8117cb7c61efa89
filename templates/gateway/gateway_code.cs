<?cs # The claim code's page is the Gateway tab (gateway_code.c draws gateway_site.cs). ?>
<?cs include:"gateway/gateway_site.cs" ?>
