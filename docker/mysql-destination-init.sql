-- The sink's user: it creates the migrated databases and tables and Ferry's state database.
CREATE USER 'ferry'@'%' IDENTIFIED BY 'ferry-password';
GRANT ALL PRIVILEGES ON *.* TO 'ferry'@'%';
