namespace Crm.Api.Domain.Org;

/// <summary>Kinds of organisation units named in the policies (DOMAIN.md §1).</summary>
public enum OrgUnitKind
{
    Company,
    CustomerManagement,
    Sales,
    Service,
    Branch,
    Subsidiary,
    Functional,
}

public sealed class OrgUnit
{
    private OrgUnit() { }

    public OrgUnit(string name, string code, OrgUnitKind kind, OrgUnit? parent)
    {
        Name = name;
        Code = code;
        Kind = kind;
        ParentId = parent?.Id;
        Parent = parent;
        IsActive = true;
        Version = 1;
    }

    public long Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Code { get; private set; } = "";
    public OrgUnitKind Kind { get; private set; }
    public long? ParentId { get; private set; }
    public OrgUnit? Parent { get; private set; }

    /// <summary>Materialised path of ids, e.g. <c>/1/4/9/</c>: a sub-tree is one prefix match.</summary>
    public string Path { get; private set; } = "/";

    public bool IsActive { get; private set; }
    public int Version { get; private set; }

    /// <summary>Ids are known only after the insert, so the path is completed in a second step.</summary>
    public void AssignPath() => Path = (Parent?.Path ?? "/") + Id + "/";

    public bool IsInSubtreeOf(OrgUnit other) => Path.StartsWith(other.Path, StringComparison.Ordinal);

    public void Rename(string name, string code, OrgUnitKind kind)
    {
        Name = name;
        Code = code;
        Kind = kind;
        Version++;
    }

    /// <summary>Moves the unit; callers rewrite the descendants' paths with <see cref="RebasePath"/>.</summary>
    public void MoveUnder(OrgUnit newParent)
    {
        if (newParent.IsInSubtreeOf(this))
            throw new InvalidOperationException("A unit cannot move under itself or one of its sub-units.");
        Parent = newParent;
        ParentId = newParent.Id;
        Path = newParent.Path + Id + "/";
        Version++;
    }

    public void RebasePath(string oldPrefix, string newPrefix)
    {
        if (!Path.StartsWith(oldPrefix, StringComparison.Ordinal))
            return;
        Path = newPrefix + Path[oldPrefix.Length..];
        Version++;
    }

    public void Disable()
    {
        IsActive = false;
        Version++;
    }

    public void Enable()
    {
        IsActive = true;
        Version++;
    }
}
