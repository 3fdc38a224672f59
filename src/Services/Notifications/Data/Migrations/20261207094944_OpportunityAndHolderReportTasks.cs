using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Notifications.Data.Migrations
{
    /// <inheritdoc />
    public partial class OpportunityAndHolderReportTasks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every task before this one was the Centre's.
            migrationBuilder.AddColumn<bool>(
                name: "for_centre",
                table: "tasks",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_record_id",
                table: "tasks",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "shown_until",
                table: "tasks",
                type: "date",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_tasks_kind_parent_record_id",
                table: "tasks",
                columns: new[] { "kind", "parent_record_id" },
                filter: "parent_record_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_tasks_kind_parent_record_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "for_centre",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "parent_record_id",
                table: "tasks");

            migrationBuilder.DropColumn(
                name: "shown_until",
                table: "tasks");
        }
    }
}
