using System.Globalization;
using System.Text.Json.Serialization;
using Crm.Api.Common.Behaviors;
using Crm.Api.Common.Calendar;
using Crm.Api.Common.Errors;
using Crm.Api.Common.Http;
using Crm.Api.Common.ReadLog;
using Crm.Api.Common.Startup;
using Crm.Api.Data.DemoData;
using Crm.Api.Features.Webhooks;
using Crm.Api.Features.Access;
using Crm.Api.Features.Activities;
using Crm.Api.Features.Auth;
using Crm.Api.Features.Calendar;
using Crm.Api.Features.Classification;
using Crm.Api.Features.Complaints;
using Crm.Api.Features.Customers;
using Crm.Api.Features.Deadlines;
using Crm.Api.Features.Expenses;
using Crm.Api.Features.Export;
using Crm.Api.Features.Facts;
using Crm.Api.Features.Feedback;
using Crm.Api.Features.FollowUp;
using Crm.Api.Features.Handovers;
using Crm.Api.Features.Integration;
using Crm.Api.Features.Imports;
using Crm.Api.Features.Sync;
using Crm.Api.Features.Health;
using Crm.Api.Features.Kpi;
using Crm.Api.Features.Org;
using FluentValidation;
using Mapster;
using MapsterMapper;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddMemoryCache();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<GlobalExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
// Enums travel as their names only, as the contract documents them.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
builder.Services.AddRequestLocalization(o =>
{
    o.SetDefaultCulture("zh-CN").AddSupportedCultures("zh-CN", "en").AddSupportedUICultures("zh-CN", "en");
    o.ApplyCurrentCultureToResponseHeaders = true;
});

builder.Services.AddCrmDatabase(builder.Configuration, builder.Environment);
builder.Services.AddCrmAuth(builder.Configuration, builder.Environment);
builder.Services.AddCrmOpenApi();
builder.Services.AddCrmHealthChecks();
builder.Services.AddCrmReadLog(builder.Configuration);
builder.Services.AddScoped<DemoDataSeeder>();
builder.Services.AddCustomerExport(builder.Configuration);
builder.Services.AddBusinessFacts(builder.Configuration);
builder.Services.AddClassification(builder.Configuration);
builder.Services.AddFollowUp(builder.Configuration);
builder.Services.AddWorkingCalendar(builder.Configuration);
builder.Services.AddDeadlines(builder.Configuration);
builder.Services.AddWebhooks(builder.Configuration);
builder.Services.AddImports(builder.Configuration);
builder.Services.AddKpi(builder.Configuration);
builder.Services.AddCrmSpa();
builder.Services.AddCrmRateLimits(builder.Configuration);
builder.Services.AddCrmIdempotency(builder.Configuration);

builder.Services.AddMediator(o =>
{
    o.ServiceLifetime = ServiceLifetime.Scoped;
    o.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
});
builder.Services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton);
// Field errors are keyed by the JSON (camelCase) names clients send.
ValidatorOptions.Global.PropertyNameResolver = (_, member, _) => member?.Name is { } name ? char.ToLowerInvariant(name[0]) + name[1..] : null;
ValidatorOptions.Global.DisplayNameResolver = ValidatorOptions.Global.PropertyNameResolver;
builder.Services.AddSingleton(TypeAdapterConfig.GlobalSettings);
builder.Services.AddScoped<IMapper, Mapper>();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();
app.UseSwagger(o => o.RouteTemplate = "swagger/{documentName}/swagger.json");
app.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint($"/swagger/{OpenApiSetup.DocumentName}/swagger.json", "Crm API v1");
    o.DocumentTitle = "Crm API";
});
// The staff SPA's files (web/dist, setting Spa:Root) are public: they are served before authentication.
var spaFiles = app.UseCrmSpaFiles();
app.UseAuthentication();
// Partitioned by the authenticated principal, and counted before authorization so refused requests count too.
app.UseCrmRateLimits();
app.UseAuthorization();
app.UseCrmIdempotency();

app.MapHealthEndpoints();
app.MapAuthEndpoints();
app.MapOrgEndpoints();
app.MapCustomerEndpoints();
app.MapAccessEndpoints();
app.MapExportEndpoints();
app.MapReadLogEndpoints();
app.MapHandoverEndpoints();
app.MapFactEndpoints();
app.MapClassificationEndpoints();
app.MapFollowUpEndpoints();
app.MapSyncEndpoints();
app.MapCalendarEndpoints();
app.MapActivityEndpoints();
app.MapDeadlineEndpoints();
app.MapFeedbackEndpoints();
app.MapIntegrationEndpoints();
app.MapWebhookEndpoints();
app.MapImportEndpoints();
app.MapComplaintEndpoints();
app.MapExpenseEndpoints();
app.MapKpiEndpoints();
app.MapCrmSpaFallback(spaFiles);

await app.InitializeDatabaseAsync();
await app.RunAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
