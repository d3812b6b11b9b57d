-- One service's database and its two roles (ADR 17), for an administrator to run with psql:
--
--   ICS_OWNER_PASSWORD=... ICS_RUNTIME_PASSWORD=... psql -v ON_ERROR_STOP=1 -d postgres \
--     -v db=intakedb -v owner=ics_intake_owner -v runtime=ics_intake -f service-database.sql
--
-- The owner role owns the database and everything in it; only the service's migrate step connects as it. The runtime
-- role, which the running service uses, owns nothing: migrate grants it what it needs on every run. Running this
-- again creates what is missing, sets the passwords from the environment, and gives the owner whatever an older
-- installation created as another role (when one role owned every database), so it also upgrades those.
--
-- The administrator is a superuser, or a role with CREATEDB and CREATEROLE (a managed PostgreSQL's administrator).
-- Passwords come from the environment, never the command line, where other users of the machine could see them.

-- Backquotes rather than \getenv, which psql 14 (Ubuntu 22.04) lacks.
\set owner_password `printf '%s' "$ICS_OWNER_PASSWORD"`
\set runtime_password `printf '%s' "$ICS_RUNTIME_PASSWORD"`
SELECT :'owner_password' = '' OR :'runtime_password' = '' AS password_missing \gset
\if :password_missing
  DO $$ BEGIN RAISE EXCEPTION 'ICS_OWNER_PASSWORD and ICS_RUNTIME_PASSWORD must both be set'; END $$;
\endif

SELECT format('CREATE ROLE %I', :'owner') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I', :'runtime') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'runtime') \gexec
ALTER ROLE :"owner" WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD :'owner_password';
ALTER ROLE :"runtime" WITH LOGIN NOCREATEDB NOCREATEROLE PASSWORD :'runtime_password';

-- An administrator that is not a superuser may only give a database, or objects, to a role it belongs to.
SELECT format('GRANT %I TO CURRENT_USER', :'owner')
WHERE NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
  AND NOT pg_has_role(current_user, :'owner', 'USAGE') \gexec

SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner') WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
ALTER DATABASE :"db" OWNER TO :"owner";

\connect :"db"
SELECT set_config('ics.owner', :'owner', false) \g /dev/null
-- Schemas, tables, views, sequences, functions and types that another role created here, before the database had an
-- owner role of its own, go to the owner. Sequences behind identity columns follow their table.
DO $$
DECLARE
    target text := current_setting('ics.owner');
    target_id oid := (SELECT oid FROM pg_roles WHERE rolname = current_setting('ics.owner'));
    item record;
BEGIN
    FOR item IN
        SELECT n.nspname FROM pg_namespace n
        WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
          AND n.nspowner <> target_id
    LOOP
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', item.nspname, target);
    END LOOP;
    FOR item IN
        SELECT c.oid::regclass AS name,
               CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                              WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%'
          AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S') AND c.relowner <> target_id
          AND NOT (c.relkind = 'S' AND EXISTS (SELECT FROM pg_depend d
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', item.kind, item.name, target);
    END LOOP;
    FOR item IN
        SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%' AND p.proowner <> target_id
    LOOP
        EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.name, target);
    END LOOP;
    FOR item IN
        SELECT t.oid::regtype AS name, CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END AS kind
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\_%' AND t.typowner <> target_id
          AND t.typtype IN ('e', 'd', 'r')
    LOOP
        EXECUTE format('ALTER %s %s OWNER TO %I', item.kind, item.name, target);
    END LOOP;
END $$;
