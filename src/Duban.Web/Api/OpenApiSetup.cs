using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;

namespace Duban.Web.Api;

/// <summary>The OpenAPI document at /openapi/v1.json, describing /api/v1 only, with personal API tokens as the security scheme.</summary>
public static class OpenApiSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string BrowsablePath = "api/docs";

    public static IServiceCollection AddDubanOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "督办 Duban API",
                    Version = "v1",
                    Description = "职业教育改革实施方案任务督办系统的 HTTP API。列表均分页（page、pageSize≤100）；错误为 RFC 7807 problem details，"
                                  + "detail 为中文说明，field 为出错的字段；修改时须在 If-Match 中提供读取时得到的 ETag。脚本请使用个人 API 令牌："
                                  + "Authorization: Bearer dbn_…（在“我的账户”页面创建）。",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "个人 API 令牌，形如 dbn_…，只在创建时显示一次。",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = context.JsonTypeInfo.Type;
                // Enums travel as camel-case strings (JsonStringEnumConverter); say so, or clients see "any".
                if (type.IsEnum) schema.Type = JsonSchemaType.String;
                // The two members every problem of this API may carry beyond RFC 7807.
                if (type == typeof(ProblemDetails) || type == typeof(HttpValidationProblemDetails))
                {
                    schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
                    schema.Properties["field"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "出错的字段（JSON 名称），例如 organizationId 或 If-Match。" };
                    schema.Properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "请求编号，联系管理员时请提供。" };
                }
                return Task.CompletedTask;
            });
        });
}
