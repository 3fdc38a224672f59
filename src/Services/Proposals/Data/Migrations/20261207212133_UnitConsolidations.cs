using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Proposals.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnitConsolidations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "unit_consolidations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    call_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    dispatch_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    dispatch_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_consolidations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "unit_consolidation_items",
                columns: table => new
                {
                    proposal_id = table.Column<Guid>(type: "uuid", nullable: false),
                    consolidation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    proposal_code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    content_group = table.Column<int>(type: "integer", nullable: false),
                    requested_support = table.Column<long>(type: "bigint", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    opinion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unit_consolidation_items", x => new { x.consolidation_id, x.proposal_id });
                    table.ForeignKey(
                        name: "fk_unit_consolidation_items_unit_consolidations_consolidation_",
                        column: x => x.consolidation_id,
                        principalTable: "unit_consolidations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_unit_consolidation_items_proposal_id",
                table: "unit_consolidation_items",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_unit_consolidations_call_id_unit_code",
                table: "unit_consolidations",
                columns: new[] { "call_id", "unit_code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "unit_consolidation_items");

            migrationBuilder.DropTable(
                name: "unit_consolidations");
        }
    }
}
