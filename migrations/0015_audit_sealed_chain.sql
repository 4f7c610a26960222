CREATE SEQUENCE "public"."audit_event_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "seq" SET DEFAULT nextval('audit_event_seq');--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ALTER COLUMN "hash" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "signing_key" ALTER COLUMN "private_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "txid" bigint DEFAULT txid_current() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "content_hash" text;--> statement-breakpoint
ALTER TABLE "audit_event" ADD COLUMN "chain_seq" bigint;--> statement-breakpoint
-- Entries written under the chain-head lock are already linked in seq order: they form the start of the chain.
UPDATE "audit_event" SET "chain_seq" = "seq";--> statement-breakpoint
SELECT setval('audit_event_seq', COALESCE((SELECT max("seq") FROM "audit_event"), 0) + 1, false);--> statement-breakpoint
-- The checkpoint key no longer lives in the database (anyone who could rewrite the log could re-sign it): the old
-- private key is dropped, its public key stays so that earlier checkpoints still verify.
UPDATE "signing_key" SET "private_key" = NULL WHERE "purpose" = 'audit.checkpoint';--> statement-breakpoint
CREATE UNIQUE INDEX "audit_event_chain_seq_idx" ON "audit_event" USING btree ("chain_seq");--> statement-breakpoint
CREATE INDEX "audit_event_unsealed_idx" ON "audit_event" USING btree ("seq") WHERE chain_seq IS NULL;