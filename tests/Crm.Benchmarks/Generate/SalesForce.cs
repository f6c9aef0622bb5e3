using Crm.Api.Common.Security;
using Crm.Api.Data;
using Crm.Api.Data.DemoData;
using Crm.Api.Domain.Org;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Benchmarks.Generate;

/// <summary>
/// The benchmark's sales organisation on top of the demo company: ten sales departments, most with regional
/// sub-offices (child units, so unit-subtree visibility has real depth), about 200 account managers and their unit
/// managers. Every owner has a territory of cities that its customers are located in.
/// </summary>
internal sealed class SalesForce
{
    private const int AccountManagersPerUnit = 6;
    private const int AccountManagerWeight = 10;
    private const int UnitManagerWeight = 1;

    private sealed record Office(string Code, string Name, string City);

    private sealed record Department(string Code, string Name, string[] Provinces, Office[] Offices);

    private static readonly Department[] Departments =
    [
        new("EAST", "华东营销部", ["上海", "江苏", "浙江", "安徽", "江西"],
            [new("EAST-SZ", "苏州办事处", "苏州"), new("EAST-HZ", "杭州办事处", "杭州"), new("EAST-HF", "合肥办事处", "合肥")]),
        new("SOUTH", "华南营销部", ["广东", "广西", "福建", "海南"],
            [new("SOUTH-SZ", "深圳办事处", "深圳"), new("SOUTH-NN", "南宁办事处", "南宁"), new("SOUTH-XM", "厦门办事处", "厦门")]),
        new("NORTH", "华北营销部", ["河北", "山西", "内蒙古"],
            [new("NORTH-SJZ", "石家庄办事处", "石家庄"), new("NORTH-TY", "太原办事处", "太原"), new("NORTH-HHHT", "呼和浩特办事处", "呼和浩特")]),
        new("JJ", "京津营销部", ["北京", "天津"], [new("JJ-BJ", "北京办事处", "北京"), new("JJ-TJ", "天津办事处", "天津")]),
        new("CENTRAL", "华中营销部", ["湖北", "湖南", "河南"],
            [new("CENTRAL-WH", "武汉办事处", "武汉"), new("CENTRAL-CS", "长沙办事处", "长沙"), new("CENTRAL-ZZ", "郑州办事处", "郑州")]),
        new("SW", "西南营销部", ["四川", "重庆", "云南", "贵州"],
            [new("SW-CD", "成都办事处", "成都"), new("SW-CQ", "重庆办事处", "重庆"), new("SW-KM", "昆明办事处", "昆明")]),
        new("NW", "西北营销部", ["陕西", "甘肃", "新疆"], [new("NW-XA", "西安办事处", "西安"), new("NW-LZ", "兰州办事处", "兰州")]),
        new("NE", "东北营销部", ["辽宁", "吉林", "黑龙江"],
            [new("NE-SY", "沈阳办事处", "沈阳"), new("NE-CC", "长春办事处", "长春"), new("NE-HEB", "哈尔滨办事处", "哈尔滨")]),
        new("SD", "山东营销部", ["山东"], [new("SD-JN", "济南办事处", "济南"), new("SD-QD", "青岛办事处", "青岛")]),
        new("KA", "大客户营销部", [], []),
    ];

    public sealed record Owner(long StaffId, long UnitId, long DepartmentUnitId, bool IsAccountManager, IReadOnlyList<ChineseCity> Territory, int Weight);

    private readonly List<Owner> _owners;
    private readonly Dictionary<long, List<Owner>> _accountManagersByDepartment;
    private readonly List<Owner> _accountManagers;
    private readonly int _totalWeight;

    private SalesForce(List<Owner> owners, long serviceUnitId, int unitCount, long eastSales1Id, long southSales1Id)
    {
        _owners = owners;
        _accountManagers = owners.Where(o => o.IsAccountManager).ToList();
        _accountManagersByDepartment = _accountManagers.GroupBy(o => o.DepartmentUnitId).ToDictionary(g => g.Key, g => g.ToList());
        _totalWeight = owners.Sum(o => o.Weight);
        ServiceUnitId = serviceUnitId;
        UnitCount = unitCount;
        EastSales1 = owners.Single(o => o.StaffId == eastSales1Id);
        SouthSales1 = owners.Single(o => o.StaffId == southSales1Id);
    }

    public IReadOnlyList<Owner> Owners => _owners;
    public long ServiceUnitId { get; }
    public int UnitCount { get; }
    public Owner EastSales1 { get; }
    public Owner SouthSales1 { get; }

    /// <summary>Adds the departments, offices and people the demo company lacks; the demo units EAST and SOUTH are reused.</summary>
    public static async Task<SalesForce> CreateAsync(CrmDbContext db, IPasswordHasher<Staff> hasher, string password)
    {
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code);
        var company = units["HQ"];
        var created = new List<OrgUnit>();
        foreach (var department in Departments)
        {
            if (!units.TryGetValue(department.Code, out var departmentUnit))
                created.Add(units[department.Code] = departmentUnit = new OrgUnit(department.Name, department.Code, OrgUnitKind.Sales, company));
            foreach (var office in department.Offices)
                created.Add(units[office.Code] = new OrgUnit(office.Name, office.Code, OrgUnitKind.Sales, departmentUnit));
        }
        db.OrgUnits.AddRange(created);
        await db.SaveChangesAsync();
        // Departments were added before their offices, so each parent's path is final before its children's.
        foreach (var unit in created)
            unit.AssignPath();
        await db.SaveChangesAsync();

        var existing = await db.Staff.ToListAsync();
        // One PBKDF2 hash serves every generated user: the salt is inside the hash, and hashing 230 times would take minutes.
        var passwordHash = hasher.HashPassword(existing[0], password);
        var names = new ChineseNames(7);
        var added = new List<Staff>();
        var usernames = existing.Select(s => s.Username).ToHashSet(StringComparer.Ordinal);

        void AddPeople(string unitCode)
        {
            var prefix = unitCode.ToLowerInvariant().Replace('-', '.');
            if (usernames.Add(prefix + ".manager"))
                added.Add(NewStaff(prefix + ".manager", Positions.UnitManager));
            for (var n = 1; n <= AccountManagersPerUnit; n++)
                if (usernames.Add(prefix + ".sales" + n))
                    added.Add(NewStaff(prefix + ".sales" + n, Positions.AccountManager));

            Staff NewStaff(string username, Positions positions)
            {
                var person = names.Person();
                var staff = new Staff(username, person.Name, units[unitCode].Id, positions, username + "@demo.example.cn", names.MobilePhone());
                staff.SetPasswordHash(passwordHash);
                return staff;
            }
        }

        var territories = new Dictionary<string, IReadOnlyList<ChineseCity>>();
        foreach (var department in Departments)
        {
            var territory = department.Provinces.Length == 0 ? ChineseNames.Cities : ChineseNames.CitiesInProvinces(department.Provinces);
            territories[department.Code] = territory;
            AddPeople(department.Code);
            foreach (var office in department.Offices)
            {
                territories[office.Code] = [ChineseNames.CityNamed(office.City)];
                AddPeople(office.Code);
            }
        }
        await RoleCatalog.AssignDefaultRolesAsync(db, added, CancellationToken.None);
        db.Staff.AddRange(added);
        await db.SaveChangesAsync();

        var all = await db.Staff.AsNoTracking().ToListAsync();
        var departmentOfUnit = new Dictionary<long, long>();
        foreach (var department in Departments)
        {
            departmentOfUnit[units[department.Code].Id] = units[department.Code].Id;
            foreach (var office in department.Offices)
                departmentOfUnit[units[office.Code].Id] = units[department.Code].Id;
        }
        var territoryOfUnit = territories.ToDictionary(t => units[t.Key].Id, t => t.Value);
        var owners = all
            .Where(s => departmentOfUnit.ContainsKey(s.UnitId) && (s.Holds(Positions.AccountManager) || s.Holds(Positions.UnitManager)))
            .Select(s => new Owner(s.Id, s.UnitId, departmentOfUnit[s.UnitId], s.Holds(Positions.AccountManager), territoryOfUnit[s.UnitId],
                s.Holds(Positions.AccountManager) ? AccountManagerWeight : UnitManagerWeight))
            .ToList();
        var idOf = all.ToDictionary(s => s.Username, s => s.Id);
        return new SalesForce(owners, units["SVC"].Id, departmentOfUnit.Count, idOf["east.sales1"], idOf["south.sales1"]);
    }

    public Owner PickOwner(ChineseNames names)
    {
        var roll = names.Random.Next(_totalWeight);
        foreach (var owner in _owners)
        {
            if (roll < owner.Weight)
                return owner;
            roll -= owner.Weight;
        }
        return _owners[^1];
    }

    public ChineseCity CityFor(Owner owner, ChineseNames names) => names.Pick(owner.Territory);

    /// <summary>Usually a colleague of the same department; sometimes someone from another one; rarely two people.</summary>
    public IEnumerable<long> CoServersFor(Owner owner, ChineseNames names)
    {
        var count = names.Chance(0.15) ? 2 : 1;
        var chosen = new HashSet<long>();
        for (var attempt = 0; chosen.Count < count && attempt < 10; attempt++)
        {
            var pool = names.Chance(0.75) ? _accountManagersByDepartment[owner.DepartmentUnitId] : _accountManagers;
            var candidate = names.Pick(pool).StaffId;
            if (candidate != owner.StaffId)
                chosen.Add(candidate);
        }
        return chosen;
    }
}
