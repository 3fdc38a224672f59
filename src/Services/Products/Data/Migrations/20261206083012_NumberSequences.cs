using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
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
                SELECT 'certificate/' || level_code, year::text, last_value FROM certificate_number_sequences
                """);

            migrationBuilder.DropTable(
                name: "certificate_number_sequences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certificate_number_sequences",
                columns: table => new
                {
                    level_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_value = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_number_sequences", x => new { x.level_code, x.year });
                });

            migrationBuilder.Sql("""
                INSERT INTO certificate_number_sequences (level_code, year, last_value)
                SELECT substr(name, length('certificate/') + 1), scope::integer, last_value
                FROM number_sequences WHERE name LIKE 'certificate/%'
                """);

            migrationBuilder.DropTable(
                name: "number_sequences");
        }
    }
}
