using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class AnnualPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_plans",
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
                    table.PrimaryKey("pk_annual_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "annual_plan_versions",
                columns: table => new
                {
                    number = table.Column<int>(type: "integer", nullable: false),
                    plan_id = table.Column<Guid>(type: "uuid", nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    compiled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    compiled_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    decision_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    approved_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_plan_versions", x => new { x.plan_id, x.number });
                    table.ForeignKey(
                        name: "fk_annual_plan_versions_annual_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "annual_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_plans_plan_year_funding_source",
                table: "annual_plans",
                columns: new[] { "plan_year", "funding_source" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "annual_plan_versions");

            migrationBuilder.DropTable(
                name: "annual_plans");
        }
    }
}
