using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class NumberSequences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "number_sequences",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    scope = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_number_sequences", x => new { x.name, x.scope });
                });

            // The counters move over, so numbers continue where they stopped and none is handed out twice.
            migrationBuilder.Sql("""
                INSERT INTO number_sequences (name, scope, last_value)
                SELECT 'proposal-code/' || prefix, year::text, last_value FROM proposal_code_sequences
                """);

            migrationBuilder.DropTable(
                name: "proposal_code_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "proposal_code_sequences",
                columns: table => new
                {
                    prefix = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_proposal_code_sequences", x => new { x.prefix, x.year });
                });

            migrationBuilder.Sql("""
                INSERT INTO proposal_code_sequences (prefix, year, last_value)
                SELECT substr(name, length('proposal-code/') + 1), scope::integer, last_value
                FROM number_sequences WHERE name LIKE 'proposal-code/%'
                """);

            migrationBuilder.DropTable(
                name: "number_sequences");
        }
    }
}
