using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <summary>
    /// An amendment that raised the support beyond what remained of the budget envelope keeps the decision that allowed it
    /// (number, date, reason) and the room left before the raise; earlier amendments have none.
    /// </summary>
    public partial class AmendmentPlanExceedance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "exceedance_decision_date",
                table: "proposal_amendments",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exceedance_decision_number",
                table: "proposal_amendments",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "exceedance_reason",
                table: "proposal_amendments",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "remaining_before",
                table: "proposal_amendments",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "exceedance_decision_date",
                table: "proposal_amendments");

            migrationBuilder.DropColumn(
                name: "exceedance_decision_number",
                table: "proposal_amendments");

            migrationBuilder.DropColumn(
                name: "exceedance_reason",
                table: "proposal_amendments");

            migrationBuilder.DropColumn(
                name: "remaining_before",
                table: "proposal_amendments");
        }
    }
}
