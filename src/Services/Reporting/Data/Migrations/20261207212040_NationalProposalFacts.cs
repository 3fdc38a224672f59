using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class NationalProposalFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "national_proposal_facts",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    submission_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    requested_support = table.Column<long>(type: "bigint", nullable: true),
                    dispatch_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sent_on = table.Column<DateOnly>(type: "date", nullable: true),
                    sent_late = table.Column<bool>(type: "boolean", nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    approved_support = table.Column<long>(type: "bigint", nullable: true),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_national_proposal_facts", x => x.proposal_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_national_proposal_facts_plan_year",
                table: "national_proposal_facts",
                column: "plan_year");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "national_proposal_facts");
        }
    }
}
