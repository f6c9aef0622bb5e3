using Crm.Api.Domain.Org;

namespace Crm.Api.UnitTests;

public sealed class OrgUnitTests
{
    /// <summary>Creates a unit as the database would: insert (gets an id), then complete the path.</summary>
    private static OrgUnit Unit(long id, OrgUnit? parent, OrgUnitKind kind = OrgUnitKind.Sales)
    {
        var unit = new OrgUnit($"单位{id}", $"U{id}", kind, parent).WithId(id);
        unit.AssignPath();
        return unit;
    }

    // company 1
    // ├── sales 2
    // │   └── office 3
    // │       └── team 4
    // └── service 10
    private sealed class Tree
    {
        public readonly OrgUnit Company = Unit(1, null, OrgUnitKind.Company);
        public readonly OrgUnit Sales;
        public readonly OrgUnit Office;
        public readonly OrgUnit Team;
        public readonly OrgUnit Service;

        public Tree()
        {
            Sales = Unit(2, Company);
            Office = Unit(3, Sales);
            Team = Unit(4, Office);
            Service = Unit(10, Company, OrgUnitKind.Service);
        }
    }

    [Fact]
    public void AssignPath_appends_the_id_to_the_parent_path()
    {
        var tree = new Tree();

        tree.Company.Path.ShouldBe("/1/");
        tree.Team.Path.ShouldBe("/1/2/3/4/");
        tree.Service.Path.ShouldBe("/1/10/");
        tree.Team.ParentId.ShouldBe(3);
        tree.Company.ParentId.ShouldBeNull();
    }

    [Fact]
    public void A_unit_is_in_its_own_subtree_and_in_every_ancestors_subtree()
    {
        var tree = new Tree();

        tree.Team.IsInSubtreeOf(tree.Team).ShouldBeTrue();
        tree.Team.IsInSubtreeOf(tree.Office).ShouldBeTrue();
        tree.Team.IsInSubtreeOf(tree.Sales).ShouldBeTrue();
        tree.Team.IsInSubtreeOf(tree.Company).ShouldBeTrue();
    }

    [Fact]
    public void A_unit_is_not_in_the_subtree_of_its_descendants_or_siblings()
    {
        var tree = new Tree();

        tree.Sales.IsInSubtreeOf(tree.Team).ShouldBeFalse();
        tree.Company.IsInSubtreeOf(tree.Sales).ShouldBeFalse();
        tree.Service.IsInSubtreeOf(tree.Sales).ShouldBeFalse();
        tree.Sales.IsInSubtreeOf(tree.Service).ShouldBeFalse();
    }

    [Fact]
    public void An_id_that_is_a_textual_prefix_of_another_does_not_make_a_subtree()
    {
        var root = Unit(1, null, OrgUnitKind.Company);
        var unit2 = Unit(2, root);
        var unit23 = Unit(23, root);

        // "/1/23/" starts with "/1/2" but not with "/1/2/".
        unit23.IsInSubtreeOf(unit2).ShouldBeFalse();
    }

    [Fact]
    public void Moving_a_unit_under_itself_throws()
    {
        var tree = new Tree();

        Should.Throw<InvalidOperationException>(() => tree.Office.MoveUnder(tree.Office));
        tree.Office.Path.ShouldBe("/1/2/3/");
        tree.Office.Version.ShouldBe(1);
    }

    [Fact]
    public void Moving_a_unit_into_its_own_subtree_throws()
    {
        var tree = new Tree();

        Should.Throw<InvalidOperationException>(() => tree.Sales.MoveUnder(tree.Team));
        tree.Sales.ParentId.ShouldBe(1);
        tree.Sales.Path.ShouldBe("/1/2/");
    }

    [Fact]
    public void Moving_a_unit_sets_its_parent_path_and_version()
    {
        var tree = new Tree();

        tree.Office.MoveUnder(tree.Service);

        tree.Office.ParentId.ShouldBe(10);
        tree.Office.Parent.ShouldBeSameAs(tree.Service);
        tree.Office.Path.ShouldBe("/1/10/3/");
        tree.Office.Version.ShouldBe(2);
        tree.Office.IsInSubtreeOf(tree.Service).ShouldBeTrue();
        tree.Office.IsInSubtreeOf(tree.Sales).ShouldBeFalse();
    }

    [Fact]
    public void RebasePath_rewrites_descendants_of_a_moved_unit()
    {
        var tree = new Tree();
        var oldPrefix = tree.Office.Path;

        tree.Office.MoveUnder(tree.Service);
        tree.Team.RebasePath(oldPrefix, tree.Office.Path);

        tree.Team.Path.ShouldBe("/1/10/3/4/");
        tree.Team.IsInSubtreeOf(tree.Service).ShouldBeTrue();
        tree.Team.IsInSubtreeOf(tree.Office).ShouldBeTrue();
        tree.Team.IsInSubtreeOf(tree.Sales).ShouldBeFalse();
    }

    [Fact]
    public void RebasePath_leaves_units_outside_the_old_prefix_alone()
    {
        var tree = new Tree();

        tree.Service.RebasePath("/1/2/3/", "/1/10/3/");
        tree.Sales.RebasePath("/1/2/3/", "/1/10/3/");

        tree.Service.Path.ShouldBe("/1/10/");
        tree.Sales.Path.ShouldBe("/1/2/");
    }

    [Fact]
    public void Disable_and_enable_toggle_activity_and_bump_the_version()
    {
        var unit = Unit(1, null);

        unit.Disable();
        unit.IsActive.ShouldBeFalse();
        unit.Enable();
        unit.IsActive.ShouldBeTrue();
        unit.Version.ShouldBe(3);
    }
}
