using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class BudgetEnvelopes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                name: "ix_budget_envelope_entries_envelope_id",
                table: "budget_envelope_entries",
                column: "envelope_id");

            migrationBuilder.CreateIndex(
                name: "ix_budget_envelopes_plan_year_funding_source",
                table: "budget_envelopes",
                columns: new[] { "plan_year", "funding_source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_envelope_entries");

            migrationBuilder.DropTable(
                name: "budget_envelopes");

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
