using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Crm.Api.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CalendarAndActivities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CustomerId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    NextStep = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NextStepDue = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Activities_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Staff_CreatedById",
                        column: x => x.CreatedById,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Activities_Staff_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarYears",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SeedHash = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 64, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarYears", x => x.Year);
                    table.ForeignKey(
                        name: "FK_CalendarYears_Staff_UpdatedById",
                        column: x => x.UpdatedById,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ActivityKeyPersons",
                columns: table => new
                {
                    ActivityId = table.Column<long>(type: "INTEGER", nullable: false),
                    KeyPersonId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityKeyPersons", x => new { x.ActivityId, x.KeyPersonId });
                    table.ForeignKey(
                        name: "FK_ActivityKeyPersons_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityKeyPersons_KeyPersons_KeyPersonId",
                        column: x => x.KeyPersonId,
                        principalTable: "KeyPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityParticipants",
                columns: table => new
                {
                    ActivityId = table.Column<long>(type: "INTEGER", nullable: false),
                    StaffId = table.Column<long>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityParticipants", x => new { x.ActivityId, x.StaffId });
                    table.ForeignKey(
                        name: "FK_ActivityParticipants_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ActivityParticipants_Staff_StaffId",
                        column: x => x.StaffId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsOffDay = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => new { x.Year, x.Date });
                    table.ForeignKey(
                        name: "FK_CalendarDays_CalendarYears_Year",
                        column: x => x.Year,
                        principalTable: "CalendarYears",
                        principalColumn: "Year",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CreatedById",
                table: "Activities",
                column: "CreatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_CustomerId_OccurredOn_Id",
                table: "Activities",
                columns: new[] { "CustomerId", "OccurredOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OccurredOn_Id",
                table: "Activities",
                columns: new[] { "OccurredOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_UpdatedById",
                table: "Activities",
                column: "UpdatedById");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityKeyPersons_KeyPersonId",
                table: "ActivityKeyPersons",
                column: "KeyPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_StaffId_ActivityId",
                table: "ActivityParticipants",
                columns: new[] { "StaffId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_CalendarYears_UpdatedById",
                table: "CalendarYears",
                column: "UpdatedById");

            // A database created before activities existed gets the new permissions in its built-in roles, as DefaultRoles
            // grants them to a new one (a fresh database has no roles yet: these insert nothing). The stamp makes every
            // instance reload people's standing.
            foreach (var sql in new[]
            {
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.write', 'Own' FROM Roles r " +
                "WHERE r.Code = 'account-manager' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.write');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.write', 'Own' FROM Roles r " +
                "WHERE r.Code = 'customer-service' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.write');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.write', 'UnitSubtree' FROM Roles r " +
                "WHERE r.Code = 'unit-manager' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.write');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.manage', 'UnitSubtree' FROM Roles r " +
                "WHERE r.Code = 'unit-manager' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.manage');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.write', 'All' FROM Roles r " +
                "WHERE r.Code = 'customer-management' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.write');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.manage', 'All' FROM Roles r " +
                "WHERE r.Code = 'customer-management' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.manage');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.write', 'All' FROM Roles r " +
                "WHERE r.Code = 'leadership' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.write');",
                "INSERT INTO RolePermissions (RoleId, Permission, Scope) SELECT r.Id, 'activities.manage', 'All' FROM Roles r " +
                "WHERE r.Code = 'leadership' AND NOT EXISTS (SELECT 1 FROM RolePermissions p WHERE p.RoleId = r.Id AND p.Permission = 'activities.manage');",
                "UPDATE AccessStamps SET Version = Version + 1;",
            })
                migrationBuilder.Sql(sql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivityKeyPersons");

            migrationBuilder.DropTable(
                name: "ActivityParticipants");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "CalendarYears");
        }
    }
}
