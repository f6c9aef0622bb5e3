using Crm.Api.Common.Startup;
using Crm.Api.Domain.Org;
using Microsoft.AspNetCore.Identity;

namespace Crm.Api.Data.DemoData;

public sealed class DemoDataSeeder(CrmDbContext db, IPasswordHasher<Staff> hasher, TimeProvider clock)
{
    public Task SeedAsync(DemoDataOptions options, CancellationToken ct) => Task.FromResult((db, hasher, clock, options, ct));
}
