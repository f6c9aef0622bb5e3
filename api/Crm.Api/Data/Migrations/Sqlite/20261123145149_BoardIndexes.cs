using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BoardIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Obligations_CustomerId_Kind_Status",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_OwningUnitId_DueOn",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_ResponsibleId_DueOn",
                table: "Obligations");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_CustomerId_Kind_Status_DueOn_MetOn_OwningUnitId_ResponsibleId",
                table: "Obligations",
                columns: new[] { "CustomerId", "Kind", "Status", "DueOn", "MetOn", "OwningUnitId", "ResponsibleId" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OwningUnitId_Kind_Status_DueOn_MetOn",
                table: "Obligations",
                columns: new[] { "OwningUnitId", "Kind", "Status", "DueOn", "MetOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_ResponsibleId_Kind_Status_DueOn_MetOn",
                table: "Obligations",
                columns: new[] { "ResponsibleId", "Kind", "Status", "DueOn", "MetOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Obligations_CustomerId_Kind_Status_DueOn_MetOn_OwningUnitId_ResponsibleId",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_OwningUnitId_Kind_Status_DueOn_MetOn",
                table: "Obligations");

            migrationBuilder.DropIndex(
                name: "IX_Obligations_ResponsibleId_Kind_Status_DueOn_MetOn",
                table: "Obligations");

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_CustomerId_Kind_Status",
                table: "Obligations",
                columns: new[] { "CustomerId", "Kind", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_OwningUnitId_DueOn",
                table: "Obligations",
                columns: new[] { "OwningUnitId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Obligations_ResponsibleId_DueOn",
                table: "Obligations",
                columns: new[] { "ResponsibleId", "DueOn" });
        }
    }
}
