using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class CouncilSeatsAreAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "conflict_establishment_id",
                table: "appraisal_members",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "conflict_reason",
                table: "appraisal_members",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_chair",
                table: "appraisal_members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "scored_by",
                table: "appraisal_members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "seat",
                table: "appraisal_members",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "stepped_out_at",
                table: "appraisal_members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "user_id",
                table: "appraisal_members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "known_accounts",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    roles = table.Column<List<string>>(type: "text[]", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_accounts", x => x.user_id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "known_accounts");

            migrationBuilder.DropColumn(
                name: "conflict_establishment_id",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "conflict_reason",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "is_chair",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "scored_by",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "seat",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "stepped_out_at",
                table: "appraisal_members");

            migrationBuilder.DropColumn(
                name: "user_id",
                table: "appraisal_members");
        }
    }
}
