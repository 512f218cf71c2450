namespace Duban.Data.Tests.Import.Support;

/// <summary>The region trees of the seed plans' cities, as far as the tests need them.</summary>
public static class SeedCities
{
    public const string Pingliang = "平凉市";

    public static readonly string[] PingliangCounties = ["崆峒区", "泾川县", "灵台县", "崇信县", "华亭市", "庄浪县", "静宁县"];

    public const string Qingyang = "庆阳市";

    public static readonly string[] QingyangCounties = ["西峰区", "庆城县", "环县", "华池县", "合水县", "正宁县", "宁县", "镇原县"];
}
