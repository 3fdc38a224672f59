using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountScopeAndEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "district",
                table: "known_accounts",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "known_accounts",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "tax_code",
                table: "known_accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unit_code",
                table: "known_accounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "district",
                table: "known_accounts");

            migrationBuilder.DropColumn(
                name: "email",
                table: "known_accounts");

            migrationBuilder.DropColumn(
                name: "tax_code",
                table: "known_accounts");

            migrationBuilder.DropColumn(
                name: "unit_code",
                table: "known_accounts");
        }
    }
}
