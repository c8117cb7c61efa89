<?cs # Delete Users from the Manage panel: the panel with its typed confirmation. ?>
<?cs include:"users/manage.cs" ?>
