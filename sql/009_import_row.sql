-- The roster import's staging table.  Its statements reach the staged rows
-- by job only (lib/domain/rosterimport.c joins from them to member), so
-- the index by person was paid for by each of an import's rows and used
-- by none.
ALTER TABLE import_row DROP KEY IF EXISTS import_row_ident;
