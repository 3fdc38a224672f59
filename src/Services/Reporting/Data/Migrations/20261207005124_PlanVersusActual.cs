using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class PlanVersusActual : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "approval_decision_number",
                table: "proposal_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "approved_on",
                table: "proposal_facts",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "implementing_unit",
                table: "proposal_facts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "pilot_end_year",
                table: "proposal_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "pilot_start_year",
                table: "proposal_facts",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "plan_exceedance_decision_number",
                table: "proposal_facts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "title",
                table: "proposal_facts",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "envelope_entry_facts",
                columns: table => new
                {
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    envelope_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    signed_amount = table.Column<long>(type: "bigint", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_envelope_entry_facts", x => x.entry_id);
                });

            migrationBuilder.CreateTable(
                name: "money_movement_facts",
                columns: table => new
                {
                    movement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_money_movement_facts", x => x.movement_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_envelope_entry_facts_plan_year_funding_source",
                table: "envelope_entry_facts",
                columns: new[] { "plan_year", "funding_source" });

            migrationBuilder.CreateIndex(
                name: "ix_money_movement_facts_proposal_id",
                table: "money_movement_facts",
                column: "proposal_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "envelope_entry_facts");

            migrationBuilder.DropTable(
                name: "money_movement_facts");

            migrationBuilder.DropColumn(
                name: "approval_decision_number",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "approved_on",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "implementing_unit",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "pilot_end_year",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "pilot_start_year",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "plan_exceedance_decision_number",
                table: "proposal_facts");

            migrationBuilder.DropColumn(
                name: "title",
                table: "proposal_facts");
        }
    }
}
