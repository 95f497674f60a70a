CREATE TABLE "compliance_daily" (
	"organization_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"day" date NOT NULL,
	"compliant" integer DEFAULT 0 NOT NULL,
	"expiring" integer DEFAULT 0 NOT NULL,
	"expired" integer DEFAULT 0 NOT NULL,
	"non_compliant" integer DEFAULT 0 NOT NULL,
	"missing" integer DEFAULT 0 NOT NULL,
	"pending_review" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "compliance_daily_location_id_day_pk" PRIMARY KEY("location_id","day")
);
--> statement-breakpoint
CREATE TABLE "compliance_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"insured_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"requirement_set_id" uuid,
	"status" text NOT NULL,
	"previous_status" text,
	"certificate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cause" text NOT NULL,
	"changed_at" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "compliance_statuses" (
	"organization_id" uuid NOT NULL,
	"insured_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"requirement_set_id" uuid,
	"status" text NOT NULL,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"coverages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"certificate_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"as_of" date NOT NULL,
	"evaluated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "compliance_statuses_insured_id_location_id_pk" PRIMARY KEY("insured_id","location_id")
);
--> statement-breakpoint
CREATE TABLE "compliance_sweeps" (
	"organization_id" uuid NOT NULL,
	"day" date NOT NULL,
	"swept_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_sweeps_organization_id_day_pk" PRIMARY KEY("organization_id","day")
);
--> statement-breakpoint
CREATE TABLE "insurer_ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"naic" text NOT NULL,
	"name" text NOT NULL,
	"rating" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "location_overrides" (
	"location_id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"overrides" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waivers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"insured_id" uuid NOT NULL,
	"location_id" uuid,
	"code" text NOT NULL,
	"coverage" text,
	"description" text,
	"limit_key" text,
	"reason" text NOT NULL,
	"expires_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
ALTER TABLE "compliance_daily" ADD CONSTRAINT "compliance_daily_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_daily" ADD CONSTRAINT "compliance_daily_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_history" ADD CONSTRAINT "compliance_history_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_statuses" ADD CONSTRAINT "compliance_statuses_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_statuses" ADD CONSTRAINT "compliance_statuses_insured_id_insureds_id_fk" FOREIGN KEY ("insured_id") REFERENCES "public"."insureds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_statuses" ADD CONSTRAINT "compliance_statuses_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_statuses" ADD CONSTRAINT "compliance_statuses_requirement_set_id_requirement_sets_id_fk" FOREIGN KEY ("requirement_set_id") REFERENCES "public"."requirement_sets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_sweeps" ADD CONSTRAINT "compliance_sweeps_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "insurer_ratings" ADD CONSTRAINT "insurer_ratings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_overrides" ADD CONSTRAINT "location_overrides_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "location_overrides" ADD CONSTRAINT "location_overrides_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_insured_id_insureds_id_fk" FOREIGN KEY ("insured_id") REFERENCES "public"."insureds"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "waivers" ADD CONSTRAINT "waivers_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_daily_org_day_idx" ON "compliance_daily" USING btree ("organization_id","day");--> statement-breakpoint
CREATE INDEX "compliance_history_lookup_idx" ON "compliance_history" USING btree ("organization_id","location_id","insured_id","changed_at");--> statement-breakpoint
CREATE INDEX "compliance_statuses_org_status_idx" ON "compliance_statuses" USING btree ("organization_id","status");--> statement-breakpoint
CREATE INDEX "compliance_statuses_location_idx" ON "compliance_statuses" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "insurer_ratings_org_naic_key" ON "insurer_ratings" USING btree ("organization_id","naic");--> statement-breakpoint
CREATE INDEX "waivers_insured_idx" ON "waivers" USING btree ("organization_id","insured_id");