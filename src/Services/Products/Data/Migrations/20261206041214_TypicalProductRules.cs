using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class TypicalProductRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "district",
                table: "competitions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "schedule_decision_date",
                table: "competitions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "schedule_decision_number",
                table: "competitions",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "production_and_business",
                table: "certificate_holder_reports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "support_results",
                table: "certificate_holder_reports",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "district_rounds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_district_rounds", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_competitions_district_year",
                table: "competitions",
                columns: new[] { "district", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_district_rounds_district_year",
                table: "district_rounds",
                columns: new[] { "district", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "district_rounds");

            migrationBuilder.DropIndex(
                name: "ix_competitions_district_year",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "district",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "schedule_decision_date",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "schedule_decision_number",
                table: "competitions");

            migrationBuilder.DropColumn(
                name: "production_and_business",
                table: "certificate_holder_reports");

            migrationBuilder.DropColumn(
                name: "support_results",
                table: "certificate_holder_reports");
        }
    }
}
