using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class FairsReadModel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The placeholder fair_facts never had a consumer, so it is always empty: replace it outright.
            migrationBuilder.DropTable(
                name: "fair_facts");

            migrationBuilder.CreateTable(
                name: "fair_facts",
                columns: table => new
                {
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    start_year = table.Column<int>(type: "integer", nullable: false),
                    booth_count = table.Column<int>(type: "integer", nullable: false),
                    scheduled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    cancelled_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_revision = table.Column<int>(type: "integer", nullable: false),
                    held = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_facts", x => x.fair_id);
                });

            migrationBuilder.CreateTable(
                name: "fair_participant_facts",
                columns: table => new
                {
                    registration_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    establishment_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    establishment_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    allocation_revision = table.Column<int>(type: "integer", nullable: false),
                    booths_allocated = table.Column<int>(type: "integer", nullable: false),
                    support = table.Column<long>(type: "bigint", nullable: false),
                    outcome_revision = table.Column<int>(type: "integer", nullable: false),
                    contracts_signed = table.Column<int>(type: "integer", nullable: false),
                    contract_value = table.Column<long>(type: "bigint", nullable: false),
                    sales = table.Column<long>(type: "bigint", nullable: false),
                    visitors = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_participant_facts", x => x.registration_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fair_facts_start_year",
                table: "fair_facts",
                column: "start_year");

            migrationBuilder.CreateIndex(
                name: "ix_fair_participant_facts_fair_id",
                table: "fair_participant_facts",
                column: "fair_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fair_participant_facts");

            migrationBuilder.DropTable(
                name: "fair_facts");

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
        }
    }
}
