using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnualPlanBudget : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "call_id",
                table: "proposals",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "plan_exceedance_decision_date",
                table: "proposals",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan_exceedance_decision_number",
                table: "proposals",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan_exceedance_reason",
                table: "proposals",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "plan_exceedance_remaining_before",
                table: "proposals",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budget_envelopes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_envelopes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registration_calls",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    deadline = table.Column<DateOnly>(type: "date", nullable: false),
                    content_groups = table.Column<int[]>(type: "integer[]", nullable: false),
                    is_open = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registration_calls", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "budget_envelope_entries",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    envelope_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_envelope_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_budget_envelope_entries_budget_envelopes_envelope_id",
                        column: x => x.envelope_id,
                        principalTable: "budget_envelopes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposals_call_id",
                table: "proposals",
                column: "call_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_envelope_entries_envelope_id",
                table: "budget_envelope_entries",
                column: "envelope_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_envelopes_plan_year_funding_source",
                table: "budget_envelopes",
                columns: new[] { "plan_year", "funding_source" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registration_calls_plan_year_funding_source",
                table: "registration_calls",
                columns: new[] { "plan_year", "funding_source" });

            migrationBuilder.AddForeignKey(
                name: "fk_proposals_registration_calls_call_id",
                table: "proposals",
                column: "call_id",
                principalTable: "registration_calls",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_proposals_registration_calls_call_id",
                table: "proposals");

            migrationBuilder.DropTable(
                name: "budget_envelope_entries");

            migrationBuilder.DropTable(
                name: "registration_calls");

            migrationBuilder.DropTable(
                name: "budget_envelopes");

            migrationBuilder.DropIndex(
                name: "ix_proposals_call_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "call_id",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "plan_exceedance_decision_date",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "plan_exceedance_decision_number",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "plan_exceedance_reason",
                table: "proposals");

            migrationBuilder.DropColumn(
                name: "plan_exceedance_remaining_before",
                table: "proposals");
        }
    }
}
