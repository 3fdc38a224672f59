using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelsLedgerAndCubes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_proposal_facts_stage_plan_year",
                table: "proposal_facts");

            // Facts of the earlier model keep their stage (Submitted = 1, Approved = 3 in ProposalStage).
            migrationBuilder.Sql("ALTER TABLE proposal_facts ALTER COLUMN stage TYPE integer USING CASE stage WHEN 'Approved' THEN 3 ELSE 1 END");

            migrationBuilder.AddColumn<DateOnly>(
                name: "accepted_on",
                table: "proposal_facts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "actual_support_used",
                table: "proposal_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "advances_paid",
                table: "proposal_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "average_wage",
                table: "proposal_facts",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "proposal_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "establishment_tax_codes",
                table: "proposal_facts",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            migrationBuilder.AddColumn<int>(
                name: "jobs_created",
                table: "proposal_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "rejected_at",
                table: "proposal_facts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "sector",
                table: "proposal_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "settled_on",
                table: "proposal_facts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "settled_support",
                table: "proposal_facts",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "proposal_facts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "status_sequence",
                table: "proposal_facts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "certificate_facts",
                columns: table => new
                {
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    establishment_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    level = table.Column<int>(type: "integer", nullable: false),
                    product_group = table.Column<int>(type: "integer", nullable: false),
                    product_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    competition_year = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expired_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_facts", x => x.certificate_id);
                });

            migrationBuilder.CreateTable(
                name: "course_facts",
                columns: table => new
                {
                    course_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<int>(type: "integer", nullable: false),
                    scheduled_revision = table.Column<int>(type: "integer", nullable: false),
                    completed_revision = table.Column<int>(type: "integer", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    course_type = table.Column<int>(type: "integer", nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    capacity = table.Column<int>(type: "integer", nullable: false),
                    budget = table.Column<long>(type: "bigint", nullable: false),
                    funding_proposal_id = table.Column<Guid>(type: "uuid", nullable: true),
                    enrolled_total = table.Column<int>(type: "integer", nullable: false),
                    enrolled_female = table.Column<int>(type: "integer", nullable: false),
                    enrolled_ethnic_minority = table.Column<int>(type: "integer", nullable: false),
                    completed_total = table.Column<int>(type: "integer", nullable: false),
                    completed_female = table.Column<int>(type: "integer", nullable: false),
                    completed_ethnic_minority = table.Column<int>(type: "integer", nullable: false),
                    certified_total = table.Column<int>(type: "integer", nullable: false),
                    certified_female = table.Column<int>(type: "integer", nullable: false),
                    certified_ethnic_minority = table.Column<int>(type: "integer", nullable: false),
                    employed_after = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_course_facts", x => x.course_id);
                });

            migrationBuilder.CreateTable(
                name: "event_ledger",
                columns: table => new
                {
                    position = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    message_id = table.Column<Guid>(type: "uuid", nullable: false),
                    message_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_ledger", x => x.position);
                });

            migrationBuilder.CreateTable(
                name: "fair_facts",
                columns: table => new
                {
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    held = table.Column<bool>(type: "boolean", nullable: false),
                    cancelled = table.Column<bool>(type: "boolean", nullable: false),
                    booths = table.Column<int>(type: "integer", nullable: false),
                    establishments_supported = table.Column<int>(type: "integer", nullable: false),
                    contracts = table.Column<int>(type: "integer", nullable: false),
                    sales_value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_facts", x => x.fair_id);
                });

            migrationBuilder.CreateTable(
                name: "follow_up_facts",
                columns: table => new
                {
                    follow_up_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    months_after_acceptance = table.Column<int>(type: "integer", nullable: true),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: true),
                    was_overdue = table.Column<bool>(type: "boolean", nullable: false),
                    reported_overdue = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follow_up_facts", x => x.follow_up_id);
                });

            migrationBuilder.CreateTable(
                name: "known_establishments",
                columns: table => new
                {
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    administrative_unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    administrative_unit_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_establishments", x => x.establishment_id);
                });

            migrationBuilder.CreateTable(
                name: "proposal_cube",
                columns: table => new
                {
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    sector = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    proposals = table.Column<long>(type: "bigint", nullable: false),
                    approved = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    total_budget = table.Column<long>(type: "bigint", nullable: false),
                    state_support = table.Column<long>(type: "bigint", nullable: false),
                    own_capital = table.Column<long>(type: "bigint", nullable: false),
                    other_sources = table.Column<long>(type: "bigint", nullable: false),
                    support_used = table.Column<long>(type: "bigint", nullable: false),
                    advances_outstanding = table.Column<long>(type: "bigint", nullable: false),
                    jobs_created = table.Column<long>(type: "bigint", nullable: false),
                    wage_bill = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_cube", x => new { x.plan_year, x.district, x.content_group, x.funding_source, x.sector, x.status });
                });

            migrationBuilder.CreateTable(
                name: "proposal_cube_by_area",
                columns: table => new
                {
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    proposals = table.Column<long>(type: "bigint", nullable: false),
                    approved = table.Column<long>(type: "bigint", nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    total_budget = table.Column<long>(type: "bigint", nullable: false),
                    state_support = table.Column<long>(type: "bigint", nullable: false),
                    own_capital = table.Column<long>(type: "bigint", nullable: false),
                    other_sources = table.Column<long>(type: "bigint", nullable: false),
                    support_used = table.Column<long>(type: "bigint", nullable: false),
                    advances_outstanding = table.Column<long>(type: "bigint", nullable: false),
                    jobs_created = table.Column<long>(type: "bigint", nullable: false),
                    wage_bill = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_cube_by_area", x => new { x.plan_year, x.district, x.funding_source, x.content_group });
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_plan_year_district",
                table: "proposal_facts",
                columns: new[] { "plan_year", "district" });

            migrationBuilder.CreateIndex(
                name: "ix_course_facts_plan_year_district",
                table: "course_facts",
                columns: new[] { "plan_year", "district" });

            migrationBuilder.CreateIndex(
                name: "ix_event_ledger_message_id",
                table: "event_ledger",
                column: "message_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_follow_up_facts_proposal_id",
                table: "follow_up_facts",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_tax_code",
                table: "known_establishments",
                column: "tax_code",
                unique: true);

            migrationBuilder.Sql("UPDATE proposal_facts SET status = CASE stage WHEN 3 THEN 'Approved' ELSE 'Submitted' END");
            // The cubes as this migration left them, frozen: later migrations change the recomputation with the facts' columns.
            migrationBuilder.Sql("""
                TRUNCATE proposal_cube, proposal_cube_by_area;
                INSERT INTO proposal_cube (plan_year, district, content_group, funding_source, sector, status, proposals, approved, accepted, total_budget, state_support, own_capital, other_sources, support_used, advances_outstanding, jobs_created, wage_bill)
                SELECT plan_year, district, content_group, funding_source, sector, status,
                    COUNT(*),
                    COUNT(*) FILTER (WHERE approved_support IS NOT NULL AND cancelled_at IS NULL),
                    COUNT(*) FILTER (WHERE accepted_on IS NOT NULL AND cancelled_at IS NULL),
                    COALESCE(SUM(total_budget) FILTER (WHERE approved_support IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(approved_support) FILTER (WHERE approved_support IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(own_capital) FILTER (WHERE approved_support IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(other_sources) FILTER (WHERE approved_support IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(COALESCE(settled_support, actual_support_used)) FILTER (WHERE accepted_on IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(advances_paid) FILTER (WHERE settled_on IS NULL), 0),
                    COALESCE(SUM(jobs_created) FILTER (WHERE accepted_on IS NOT NULL AND cancelled_at IS NULL), 0),
                    COALESCE(SUM(jobs_created::bigint * average_wage) FILTER (WHERE accepted_on IS NOT NULL AND cancelled_at IS NULL), 0)
                FROM proposal_facts
                GROUP BY plan_year, district, content_group, funding_source, sector, status;
                INSERT INTO proposal_cube_by_area (plan_year, district, funding_source, content_group, proposals, approved, accepted, total_budget, state_support, own_capital, other_sources, support_used, advances_outstanding, jobs_created, wage_bill)
                SELECT plan_year, district, funding_source, content_group, SUM(proposals), SUM(approved), SUM(accepted), SUM(total_budget), SUM(state_support), SUM(own_capital), SUM(other_sources), SUM(support_used), SUM(advances_outstanding), SUM(jobs_created), SUM(wage_bill)
                FROM proposal_cube
                GROUP BY plan_year, district, funding_source, content_group;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_facts");

            migrationBuilder.DropTable(
                name: "course_facts");

            migrationBuilder.DropTable(
                name: "event_ledger");

            migrationBuilder.DropTable(
                name: "fair_facts");

            migrationBuilder.DropTable(
                name: "follow_up_facts");

            migrationBuilder.DropTable(
                name: "known_establishments");

            migrationBuilder.DropTable(
                name: "proposal_cube");

            migrationBuilder.DropTable(
                name: "proposal_cube_by_area");

            migrationBuilder.DropIndex(
                name: "ix_proposal_facts_plan_year_district",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "accepted_on",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "actual_support_used",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "advances_paid",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "average_wage",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "establishment_tax_codes",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "jobs_created",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "rejected_at",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "sector",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "settled_on",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "settled_support",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "status",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "status_sequence",
                table: "proposal_facts");

            migrationBuilder.Sql("ALTER TABLE proposal_facts ALTER COLUMN stage TYPE character varying(16) USING CASE WHEN stage >= 3 THEN 'Approved' ELSE 'Submitted' END");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_facts_stage_plan_year",
                table: "proposal_facts",
                columns: new[] { "stage", "plan_year" });
        }
    }
}
