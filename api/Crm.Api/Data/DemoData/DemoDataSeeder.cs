using System.Globalization;
using Crm.Api.Common.Security;
using Crm.Api.Common.Startup;
using Crm.Api.Domain.Customers;
using Crm.Api.Domain.Deadlines;
using Crm.Api.Domain.Org;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crm.Api.Data.DemoData;

/// <summary>
/// Fills an empty database with the demo company 示例集团有限公司: its units, one user per role (all with the one
/// documented password) and realistic customers. Does nothing once any unit exists, so restarts keep the data.
/// </summary>
public sealed class DemoDataSeeder(CrmDbContext db, IPasswordHasher<Staff> hasher, TimeProvider clock)
{
    public const int RandomSeed = 20260101;

    /// <summary>Fixed names that tests and the documentation search for (华信 hits both sales departments).</summary>
    public const string EastFixedCustomerName = "上海华信贸易有限公司";
    public const string SouthFixedCustomerName = "广州华信建材有限公司";

    public async Task SeedAsync(DemoDataOptions options, CancellationToken ct)
    {
        if (await db.OrgUnits.AnyAsync(ct))
            return;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var names = new ChineseNames(RandomSeed);
        var org = await CreateOrganisationAsync(ct);
        var users = await CreateUsersAsync(org, names, options.Password, ct);
        if (options.Customers > 0)
            await CreateCustomersAsync(org, users, names, options.Customers, ct);
        await transaction.CommitAsync(ct);
    }

    private sealed record DemoOrganisation(OrgUnit Company, OrgUnit Marketing, OrgUnit East, OrgUnit South, OrgUnit Service, OrgUnit It);

    private sealed record DemoUsers(Staff Gm, Staff Deputy, Staff EastManager, Staff EastSales1, Staff EastSales2, Staff SouthManager, Staff SouthSales1);

    private async Task<DemoOrganisation> CreateOrganisationAsync(CancellationToken ct)
    {
        var company = new OrgUnit("示例集团有限公司", "HQ", OrgUnitKind.Company, null);
        var org = new DemoOrganisation(
            company,
            new OrgUnit("市场部", "MKT", OrgUnitKind.CustomerManagement, company),
            new OrgUnit("华东营销部", "EAST", OrgUnitKind.Sales, company),
            new OrgUnit("华南营销部", "SOUTH", OrgUnitKind.Sales, company),
            new OrgUnit("客户服务中心", "SVC", OrgUnitKind.Service, company),
            new OrgUnit("信息技术部", "IT", OrgUnitKind.Functional, company));
        OrgUnit[] all = [org.Company, org.Marketing, org.East, org.South, org.Service, org.It];
        db.OrgUnits.AddRange(all);
        await db.SaveChangesAsync(ct);
        // Parents first: a child's path is its parent's path plus its own id.
        foreach (var unit in all)
            unit.AssignPath();
        await db.SaveChangesAsync(ct);
        return org;
    }

    private async Task<DemoUsers> CreateUsersAsync(DemoOrganisation org, ChineseNames names, string password, CancellationToken ct)
    {
        Staff Add(string username, string displayName, OrgUnit unit, Positions positions)
        {
            var staff = new Staff(username, displayName, unit.Id, positions, username + "@demo.example.cn", names.MobilePhone());
            staff.SetPasswordHash(hasher.HashPassword(staff, password));
            db.Staff.Add(staff);
            return staff;
        }

        var users = new DemoUsers(
            Add("gm", "王建国", org.Company, Positions.GeneralManager),
            Add("deputy", "李志强", org.Company, Positions.DeputyGeneralManager),
            Add("east.manager", "陈卫东", org.East, Positions.UnitManager),
            Add("east.sales1", "张伟", org.East, Positions.AccountManager),
            Add("east.sales2", "刘芳", org.East, Positions.AccountManager),
            Add("south.manager", "黄志明", org.South, Positions.UnitManager),
            Add("south.sales1", "林晓峰", org.South, Positions.AccountManager));
        Add("marketing1", "赵敏", org.Marketing, Positions.None);
        Add("service.manager", "周海涛", org.Service, Positions.UnitManager);
        Add("service.staff1", "吴静", org.Service, Positions.CustomerService);
        Add("admin", "孙立", org.It, Positions.Administrator);
        await RoleCatalog.AssignDefaultRolesAsync(db, db.Staff.Local.ToList(), ct);
        await db.SaveChangesAsync(ct);
        return users;
    }

    private async Task CreateCustomersAsync(DemoOrganisation org, DemoUsers users, ChineseNames names, int count, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(8)).DateTime);
        var eastCities = ChineseNames.CitiesInProvinces("上海", "江苏", "浙江", "安徽", "江西");
        var southCities = ChineseNames.CitiesIn("华南");
        // Weights: the three salespeople own most customers; the unit managers keep a few accounts themselves.
        (Staff Owner, OrgUnit Unit, IReadOnlyList<ChineseCity> Territory, int Weight)[] owners =
        [
            (users.EastSales1, org.East, eastCities, 30),
            (users.EastSales2, org.East, eastCities, 25),
            (users.SouthSales1, org.South, southCities, 35),
            (users.EastManager, org.East, eastCities, 5),
            (users.SouthManager, org.South, southCities, 5),
        ];
        Staff[] salespeople = [users.EastSales1, users.EastSales2, users.SouthSales1];
        var totalWeight = owners.Sum(o => o.Weight);
        names.Reserve(EastFixedCustomerName);
        names.Reserve(SouthFixedCustomerName);

        var customers = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var (owner, unit, territory, fixedName, fixedCity, industry) = i switch
            {
                0 => (users.EastSales1, org.East, eastCities, EastFixedCustomerName, ChineseNames.CityNamed("上海"), ChineseNames.Industries.First(x => x.NameWord == "贸易")),
                1 => (users.SouthSales1, org.South, southCities, SouthFixedCustomerName, ChineseNames.CityNamed("广州"), ChineseNames.Industries.First(x => x.NameWord == "建材")),
                _ => PickOwner(),
            };
            var details = names.Customer(fixedCity ?? names.Pick(territory), today, fixedName, industry);
            if (i < 2)
                details = details with { Grade = "A", Status = CustomerStatus.Active, RiskFlags = RiskFlags.None, Category = CustomerCategory.FirstTierAgent,
                    CooperationStartOn = details.CooperationStartOn ?? details.FirstContactOn!.Value.AddDays(30) };
            var filedAt = FiledAt(details.FirstContactOn!.Value, now, names.Random);
            var serviceUnitId = names.Chance(0.3) ? org.Service.Id : (long?)null;
            // Important customers need two contacts; sometimes the second comes from the other department.
            IReadOnlyCollection<long> coServers = names.Chance(0.2) || details.Grade == "A"
                ? [names.Pick(salespeople.Where(s => s.Id != owner.Id).ToList()).Id]
                : [];
            var customer = new Customer("KH" + (i + 1).ToString("D6", CultureInfo.InvariantCulture), details, unit.Id, owner.Id, serviceUnitId,
                coServers, names.Tags(details, today), filedAt, owner.Id);
            customer.RecordHistory(HistoryAction.Created, [new FieldChange("*", null, customer.Name)], filedAt, owner.Id);
            var keyPersons = 1 + names.Random.Next(3);
            for (var rank = 0; rank < keyPersons; rank++)
                customer.AddKeyPerson(names.KeyPerson(rank, today), filedAt, owner.Id);
            customers.Add(customer);
        }
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(ct);
        db.BusinessFacts.AddRange(MonthlyFacts(customers, today, now));
        await db.SaveChangesAsync(ct);
        var reviewer = await db.Staff.Where(s => s.UnitId == org.Marketing.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(ct);
        db.Obligations.AddRange(Filings(customers, today, reviewer));
        db.FeedbackForms.AddRange(FeedbackForms(customers, today, now));
        await db.SaveChangesAsync(ct);

        (Staff, OrgUnit, IReadOnlyList<ChineseCity>, string?, ChineseCity?, ChineseIndustry?) PickOwner()
        {
            var roll = names.Random.Next(totalWeight);
            foreach (var (owner, unit, territory, weight) in owners)
            {
                if (roll < weight)
                    return (owner, unit, territory, null, null, null);
                roll -= weight;
            }
            throw new InvalidOperationException("Weights do not add up.");
        }
    }

    /// <summary>
    /// Up to fourteen months of business facts (through last month) for customers we do business with, sized by
    /// category, so that grading, the rating run and "both ends" have something real to work on. A separate random
    /// stream keeps the rest of the demo data as it was.
    /// </summary>
    private static IEnumerable<BusinessFact> MonthlyFacts(IEnumerable<Customer> customers, DateOnly today, DateTimeOffset now)
    {
        var random = new Random(RandomSeed + 1);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var customer in customers)
        {
            if (customer.Status is not (CustomerStatus.Active or CustomerStatus.Dormant) || customer.CooperationStartOn is not { } started)
                continue;
            var (low, high) = customer.Category switch
            {
                CustomerCategory.FirstTierAgent => (1_500, 7_000),
                CustomerCategory.StrategicPartner => (2_000, 6_000),
                CustomerCategory.SecondTierAgent => (300, 1_500),
                CustomerCategory.ProjectOwner => (100, 2_000),
                CustomerCategory.EndUser => (50, 800),
                CustomerCategory.Distributor => (100, 600),
                CustomerCategory.OtherBrandAgent => (50, 300),
                CustomerCategory.Retailer => (20, 150),
                CustomerCategory.Designer => (0, 0),
                _ => (10, 100),
            };
            var baseVolume = random.Next(low, high + 1);
            var pricePerTonne = random.Next(550, 751);
            var share = customer.Category is CustomerCategory.FirstTierAgent or CustomerCategory.SecondTierAgent ? Math.Round(0.2m + (decimal)random.NextDouble() * 0.7m, 2) : (decimal?)null;
            var latePayer = random.NextDouble() < 0.12;
            var badPayer = random.NextDouble() < 0.03;
            var from = new DateOnly(started.Year, started.Month, 1);
            if (from < thisMonth.AddMonths(-14))
                from = thisMonth.AddMonths(-14);
            for (var month = from; month < thisMonth; month = month.AddMonths(1))
            {
                var fading = customer.Status == CustomerStatus.Dormant && month >= thisMonth.AddMonths(-6);
                var volume = fading ? 0 : Math.Round(baseVolume * (0.8m + (decimal)random.NextDouble() * 0.4m), 1);
                var amount = Math.Round(volume * pricePerTonne, 2);
                var overdue = badPayer ? random.Next(90, 151) : latePayer ? random.Next(15, 61) : random.NextDouble() < 0.1 ? random.Next(1, 10) : 0;
                yield return new BusinessFact(customer.Id, month, new BusinessFactValues(
                    amount, volume, BusinessFact.DefaultVolumeUnit, Math.Round(amount * 0.08m, 2), overdue,
                    overdue == 0 ? 1m : Math.Round(0.5m + (decimal)random.NextDouble() * 0.4m, 4), share,
                    random.NextDouble() < 0.05 ? 1 : 0, badPayer && overdue > 120, "demo"), now, customer.OwnerId);
            }
        }
    }

    /// <summary>Every customer's filing, so that the deadline board has all its states.</summary>
    private static IEnumerable<Obligation> Filings(IEnumerable<Customer> customers, DateOnly today, long reviewerId)
    {
        var random = new Random(RandomSeed + 2);
        var calendar = Seed.ShippedCalendar.Calendar();
        return customers.Where(c => c.FirstContactOn is not null).Select(c =>
            SampleFilings.Demo.For(c.Id, c.OwningUnitId, c.OwnerId, c.FirstContactOn!.Value, c.CreatedAt, today, reviewerId, calendar, random)).ToList();
    }

    /// <summary>Feedback forms for last month (华东 meets its quota, 华南 falls short) and a few for this month.</summary>
    private static IEnumerable<FeedbackForm> FeedbackForms(IReadOnlyList<Customer> customers, DateOnly today, DateTimeOffset now)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var plan = new (int Unit, DateOnly Month, string[] Grades)[]
        {
            (0, thisMonth.AddMonths(-1), ["A", "A", "B", "B", "C", "C"]),
            (1, thisMonth.AddMonths(-1), ["A", "B", "B", "C"]),
            (0, thisMonth, ["A", "B"]),
            (1, thisMonth, ["B"]),
        };
        var units = customers.Select(c => c.OwningUnitId).Distinct().Order().ToList();
        foreach (var (unit, month, grades) in plan.Where(p => p.Unit < units.Count))
        {
            var used = 0;
            foreach (var grade in grades)
            {
                var customer = customers.Where(c => c.OwningUnitId == units[unit] && c.Grade == grade).Skip(used++ % 2).FirstOrDefault();
                if (customer is null)
                    continue;
                yield return new FeedbackForm(customer.Id, customer.OwningUnitId, customer.Grade, month,
                    new FeedbackContent("合作稳定，本月订货量与上月基本持平。", "希望旺季前锁定价格", "竞品在当地加大了促销力度", "建议安排一次技术交流"),
                    month == thisMonth ? now : new DateTimeOffset(month.AddDays(20).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)),
                    customer.OwnerId);
            }
        }
    }

    /// <summary>Archives are filed within a few days of first contact, during office hours in China.</summary>
    private static DateTimeOffset FiledAt(DateOnly firstContact, DateTimeOffset now, Random random)
    {
        var china = TimeSpan.FromHours(8);
        var day = firstContact.AddDays(random.Next(0, 6));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), china).AddMinutes(random.Next(9 * 60));
        return at < now ? at : now;
    }
}
