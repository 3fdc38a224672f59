using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class JurySeatsAreAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scored_by",
                table: "scores",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_chair",
                table: "jury_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "user_id",
                table: "jury_members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "jury_conflicts",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    entry_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    declared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    declared_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_jury_conflicts", x => x.id);
                    table.ForeignKey(
                        name: "fk_jury_conflicts_entries_entry_id",
                        column: x => x.entry_id,
                        principalTable: "entries",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_jury_conflicts_entry_id_member_id",
                table: "jury_conflicts",
                columns: new[] { "entry_id", "member_id" },
                unique: true);

            // Seats recorded by name only keep no account; the chair is the seat whose position says so.
            migrationBuilder.Sql("UPDATE jury_members SET is_chair = true WHERE position ILIKE 'Chủ tịch%';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "jury_conflicts");

            migrationBuilder.DropColumn(
                name: "scored_by",
                table: "scores");

            migrationBuilder.DropColumn(
                name: "is_chair",
                table: "jury_members");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "jury_members");
        }
    }
}
