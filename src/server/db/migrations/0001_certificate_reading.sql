ALTER TABLE "certificates" ADD COLUMN "read_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "read_method" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD COLUMN "read_error" text;