using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace KhuyenCong.Reporting.Data.Migrations
{
    /// <inheritdoc />
    public partial class CubeDelta : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposal_cube_delta",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
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
                    table.PrimaryKey("pk_proposal_cube_delta", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_proposal_cube_by_area_empty",
                table: "proposal_cube_by_area",
                column: "proposals",
                filter: "proposals = 0");

            migrationBuilder.CreateIndex(
                name: "ix_proposal_cube_empty",
                table: "proposal_cube",
                column: "proposals",
                filter: "proposals = 0");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "proposal_cube_delta");

            migrationBuilder.DropIndex(
                name: "ix_proposal_cube_by_area_empty",
                table: "proposal_cube_by_area");

            migrationBuilder.DropIndex(
                name: "ix_proposal_cube_empty",
                table: "proposal_cube");
        }
    }
}
