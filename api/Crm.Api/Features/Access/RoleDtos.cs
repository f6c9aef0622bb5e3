using Crm.Api.Domain.Access;
using FluentValidation;

namespace Crm.Api.Features.Access;

/// <summary>A permission of the catalogue and what it lets a person do.</summary>
public sealed record PermissionDto(string Code, string Description);

/// <summary>A role: permissions, each with how far it reaches (Own, Unit, UnitSubtree, All), and how many people hold it.</summary>
public sealed record RoleDto(long Id, string Code, string Name, string? Description, bool IsBuiltIn, IReadOnlyList<PermissionGrant> Grants, int HolderCount, int Version);

public sealed class PermissionGrantValidator : AbstractValidator<PermissionGrant>
{
    public PermissionGrantValidator()
    {
        RuleFor(g => g.Permission).Must(Permissions.IsKnown).WithMessage(g => $"未知权限 {g.Permission}；可用：{string.Join(", ", Permissions.All)}。");
        RuleFor(g => g.Scope).IsInEnum();
    }
}

internal static class RoleProjection
{
    public static IQueryable<RoleDto> ToDtos(this IQueryable<Role> roles, Data.CrmDbContext db) =>
        roles.Select(r => new RoleDto(r.Id, r.Code, r.Name, r.Description, r.IsBuiltIn,
            r.Permissions.OrderBy(p => p.Permission).Select(p => new PermissionGrant(p.Permission, p.Scope)).ToList(),
            db.StaffRoles.Count(sr => sr.RoleId == r.Id), r.Version));
}
