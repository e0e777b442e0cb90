-- Runs once, when the compose volume is first initialised (docker-entrypoint-initdb.d).
-- \gexec keeps it safe to run by hand against a server that already has the databases.
SELECT 'CREATE DATABASE service_circle'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'service_circle')\gexec

SELECT 'CREATE DATABASE service_circle_test'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'service_circle_test')\gexec
