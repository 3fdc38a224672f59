using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace KhuyenCong.Products.Data.Migrations
{
    /// <inheritdoc />
    public partial class EntryPhotosBecomeAttachments : Migration
    {
        /// <summary>
        /// Sets the entries' photo table aside under the name <c>entry_photos_to_move</c>: the photos become attachments
        /// (EntryPhotoMove, run at start once the attachment tables are migrated too), which then drops it.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameTable(name: "entry_photos", newName: "entry_photos_to_move");
        }

        /// <summary>The photo table again: the one set aside if its photos were not moved yet, else an empty one (moved photos stay attachments).</summary>
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DO $$
                BEGIN
                    IF to_regclass('entry_photos_to_move') IS NOT NULL THEN
                        ALTER TABLE entry_photos_to_move RENAME TO entry_photos;
                    ELSE
                        CREATE TABLE entry_photos (
                            id uuid NOT NULL CONSTRAINT pk_entry_photos PRIMARY KEY,
                            content bytea NOT NULL,
                            entry_id uuid NOT NULL CONSTRAINT fk_entry_photos_entries_entry_id REFERENCES entries (id) ON DELETE CASCADE,
                            file_name character varying(255) NOT NULL,
                            format character varying(8) NOT NULL,
                            position integer NOT NULL,
                            size_bytes bigint NOT NULL,
                            uploaded_at timestamp with time zone NOT NULL);
                        CREATE UNIQUE INDEX ix_entry_photos_entry_id_position ON entry_photos (entry_id, position);
                    END IF;
                END $$;
                """);
        }
    }
}
