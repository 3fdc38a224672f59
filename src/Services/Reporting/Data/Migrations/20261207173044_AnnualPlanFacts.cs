using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnualPlanFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "plan_item_facts",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    planned_support = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_item_facts", x => new { x.plan_id, x.version_number, x.proposal_id });
                });

            migrationBuilder.CreateTable(
                name: "plan_version_facts",
                columns: table => new
                {
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version_number = table.Column<int>(type: "integer", nullable: false),
                    plan_year = table.Column<int>(type: "integer", nullable: false),
                    funding_source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    planned_support = table.Column<long>(type: "bigint", nullable: false),
                    items = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plan_version_facts", x => new { x.plan_id, x.version_number });
                });

            migrationBuilder.CreateIndex(
                name: "ix_plan_item_facts_plan_year_funding_source",
                table: "plan_item_facts",
                columns: new[] { "plan_year", "funding_source" });

            migrationBuilder.CreateIndex(
                name: "ix_plan_version_facts_plan_year_funding_source",
                table: "plan_version_facts",
                columns: new[] { "plan_year", "funding_source" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plan_item_facts");

            migrationBuilder.DropTable(
                name: "plan_version_facts");
        }
    }
}
