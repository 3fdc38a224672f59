using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Fairs.Data.Migrations
{
    /// <inheritdoc />
    public partial class FairsRegistrationsAllocation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "venue",
                table: "fairs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "fairs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "text");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "allocated_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "allocated_by",
                table: "fairs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "allocation_revision",
                table: "fairs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "booth_rent",
                table: "fairs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "cancellation_reason",
                table: "fairs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cancelled_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "closed_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "country",
                table: "fairs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "created_by",
                table: "fairs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "extra_costs_description",
                table: "fairs",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "extra_support_per_participant",
                table: "fairs",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "held_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "fairs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "organiser",
                table: "fairs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "outcome_revision",
                table: "fairs",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "province",
                table: "fairs",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "published_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "registration_closed_at",
                table: "fairs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "registration_deadline",
                table: "fairs",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<decimal>(
                name: "rent_share_percent",
                table: "fairs",
                type: "numeric(5,2)",
                precision: 5,
                scale: 2,
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "fairs",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "fairs",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.CreateTable(
                name: "fair_registrations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    fair_id = table.Column<Guid>(type: "uuid", nullable: false),
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    establishment_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    products = table.Column<string[]>(type: "text[]", nullable: false),
                    booths_wanted = table.Column<int>(type: "integer", nullable: false),
                    registered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    booths_allocated = table.Column<int>(type: "integer", nullable: false),
                    allocation_position = table.Column<int>(type: "integer", nullable: true),
                    priority_rank = table.Column<int>(type: "integer", nullable: true),
                    certificate_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    rule_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    support = table.Column<long>(type: "bigint", nullable: false),
                    is_overridden = table.Column<bool>(type: "boolean", nullable: false),
                    override_reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    overridden_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    overridden_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    contracts_signed = table.Column<int>(type: "integer", nullable: true),
                    contract_value = table.Column<long>(type: "bigint", nullable: true),
                    sales = table.Column<long>(type: "bigint", nullable: true),
                    visitors = table.Column<int>(type: "integer", nullable: true),
                    outcome_recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    outcome_recorded_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    contact_phone = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fair_registrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_fair_registrations_fairs_fair_id",
                        column: x => x.fair_id,
                        principalTable: "fairs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "known_certificates",
                columns: table => new
                {
                    certificate_id = table.Column<Guid>(type: "uuid", nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    establishment_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    level = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    product_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    issued_on = table.Column<DateOnly>(type: "date", nullable: true),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_revoked = table.Column<bool>(type: "boolean", nullable: false),
                    revoked_on = table.Column<DateOnly>(type: "date", nullable: true),
                    is_expired = table.Column<bool>(type: "boolean", nullable: false),
                    expired_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_certificates", x => x.certificate_id);
                });

            migrationBuilder.CreateTable(
                name: "known_establishments",
                columns: table => new
                {
                    establishment_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    sector = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    administrative_unit_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    administrative_unit_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    district = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_priority_area = table.Column<bool>(type: "boolean", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_known_establishments", x => x.establishment_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_fairs_start_date",
                table: "fairs",
                column: "start_date");

            migrationBuilder.CreateIndex(
                name: "ix_fairs_status_start_date",
                table: "fairs",
                columns: new[] { "status", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_fair_registrations_fair_id_tax_code",
                table: "fair_registrations",
                columns: new[] { "fair_id", "tax_code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_fair_registrations_tax_code",
                table: "fair_registrations",
                column: "tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_known_certificates_establishment_tax_code",
                table: "known_certificates",
                column: "establishment_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_known_establishments_tax_code",
                table: "known_establishments",
                column: "tax_code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "fair_registrations");

            migrationBuilder.DropTable(
                name: "known_certificates");

            migrationBuilder.DropTable(
                name: "known_establishments");

            migrationBuilder.DropIndex(
                name: "ix_fairs_start_date",
                table: "fairs");

            migrationBuilder.DropIndex(
                name: "ix_fairs_status_start_date",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "allocated_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "allocated_by",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "allocation_revision",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "booth_rent",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "cancellation_reason",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "cancelled_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "closed_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "country",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "created_by",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "extra_costs_description",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "extra_support_per_participant",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "held_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "organiser",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "outcome_revision",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "province",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "published_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "registration_closed_at",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "registration_deadline",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "rent_share_percent",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "status",
                table: "fairs");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "fairs");

            migrationBuilder.AlterColumn<string>(
                name: "venue",
                table: "fairs",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);

            migrationBuilder.AlterColumn<string>(
                name: "name",
                table: "fairs",
                type: "text",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300);
        }
    }
}
