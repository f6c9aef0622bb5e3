using System.Globalization;
using Crm.Api.Domain.Customers;

namespace Crm.Api.Data.DemoData;

/// <summary>A city with its province, macro-region (华东, 华南 …) and an administrative division code (GB/T 2260).</summary>
public sealed record ChineseCity(string Name, string Province, string MacroRegion, string DivisionCode, IReadOnlyList<string> Districts)
{
    /// <summary>Short region label stored on a customer, e.g. <c>华东·上海</c>.</summary>
    public string Region => MacroRegion + "·" + Province;
}

/// <summary>An industry: the word used inside company names and the 业种 label stored on the archive.</summary>
public sealed record ChineseIndustry(string NameWord, string Label);

/// <summary>A generated person: the Chinese name and an ASCII handle for e-mail addresses.</summary>
public sealed record ChinesePerson(string Name, string AsciiHandle);

/// <summary>
/// Deterministic generator of realistic Chinese business data for demo and benchmark databases. The same seed gives the
/// same sequence. Company names and credit codes are unique within one instance.
/// </summary>
public sealed class ChineseNames(int seed)
{
    public static readonly IReadOnlyList<ChineseCity> Cities =
    [
        new("上海", "上海", "华东", "310115", ["浦东新区", "闵行区", "徐汇区", "嘉定区", "松江区", "宝山区"]),
        new("南京", "江苏", "华东", "320102", ["玄武区", "鼓楼区", "江宁区", "建邺区"]),
        new("苏州", "江苏", "华东", "320505", ["虎丘区", "吴中区", "工业园区", "相城区"]),
        new("无锡", "江苏", "华东", "320214", ["新吴区", "滨湖区", "梁溪区"]),
        new("常州", "江苏", "华东", "320411", ["新北区", "武进区", "天宁区"]),
        new("杭州", "浙江", "华东", "330106", ["西湖区", "滨江区", "余杭区", "萧山区"]),
        new("宁波", "浙江", "华东", "330203", ["海曙区", "鄞州区", "北仑区"]),
        new("温州", "浙江", "华东", "330302", ["鹿城区", "龙湾区", "瓯海区"]),
        new("合肥", "安徽", "华东", "340104", ["蜀山区", "包河区", "庐阳区"]),
        new("芜湖", "安徽", "华东", "340202", ["镜湖区", "弋江区", "鸠江区"]),
        new("南昌", "江西", "华东", "360102", ["东湖区", "青山湖区", "红谷滩区"]),
        new("济南", "山东", "华东", "370102", ["历下区", "市中区", "槐荫区"]),
        new("青岛", "山东", "华东", "370212", ["崂山区", "市南区", "黄岛区", "城阳区"]),
        new("烟台", "山东", "华东", "370602", ["芝罘区", "莱山区", "福山区"]),
        new("广州", "广东", "华南", "440106", ["天河区", "白云区", "番禺区", "黄埔区", "海珠区"]),
        new("深圳", "广东", "华南", "440305", ["南山区", "福田区", "宝安区", "龙岗区"]),
        new("佛山", "广东", "华南", "440604", ["禅城区", "南海区", "顺德区"]),
        new("东莞", "广东", "华南", "441900", ["长安镇", "虎门镇", "松山湖"]),
        new("南宁", "广西", "华南", "450103", ["青秀区", "西乡塘区", "江南区"]),
        new("柳州", "广西", "华南", "450202", ["城中区", "鱼峰区", "柳南区"]),
        new("福州", "福建", "华南", "350102", ["鼓楼区", "仓山区", "晋安区"]),
        new("厦门", "福建", "华南", "350203", ["思明区", "湖里区", "集美区"]),
        new("海口", "海南", "华南", "460105", ["龙华区", "美兰区", "秀英区"]),
        new("北京", "北京", "华北", "110105", ["朝阳区", "海淀区", "丰台区", "大兴区"]),
        new("天津", "天津", "华北", "120116", ["滨海新区", "河西区", "南开区"]),
        new("石家庄", "河北", "华北", "130102", ["长安区", "桥西区", "裕华区"]),
        new("唐山", "河北", "华北", "130203", ["路北区", "路南区", "丰润区"]),
        new("太原", "山西", "华北", "140105", ["小店区", "迎泽区", "万柏林区"]),
        new("呼和浩特", "内蒙古", "华北", "150102", ["新城区", "赛罕区", "回民区"]),
        new("武汉", "湖北", "华中", "420106", ["武昌区", "洪山区", "江汉区", "东西湖区"]),
        new("长沙", "湖南", "华中", "430104", ["岳麓区", "雨花区", "开福区"]),
        new("郑州", "河南", "华中", "410105", ["金水区", "二七区", "中原区"]),
        new("成都", "四川", "西南", "510107", ["武侯区", "高新区", "锦江区", "双流区"]),
        new("重庆", "重庆", "西南", "500103", ["渝中区", "江北区", "九龙坡区", "渝北区"]),
        new("昆明", "云南", "西南", "530102", ["五华区", "盘龙区", "官渡区"]),
        new("贵阳", "贵州", "西南", "520102", ["南明区", "云岩区", "观山湖区"]),
        new("西安", "陕西", "西北", "610113", ["雁塔区", "未央区", "碑林区"]),
        new("兰州", "甘肃", "西北", "620102", ["城关区", "七里河区", "安宁区"]),
        new("乌鲁木齐", "新疆", "西北", "650102", ["天山区", "沙依巴克区", "新市区"]),
        new("沈阳", "辽宁", "东北", "210102", ["和平区", "沈河区", "铁西区", "浑南区"]),
        new("大连", "辽宁", "东北", "210202", ["中山区", "甘井子区", "金州区"]),
        new("长春", "吉林", "东北", "220102", ["南关区", "朝阳区", "绿园区"]),
        new("哈尔滨", "黑龙江", "东北", "230103", ["南岗区", "道里区", "香坊区"]),
    ];

    /// <summary>First and second characters of 字号 (trade names). Their product is the trade-name vocabulary.</summary>
    private const string TradeNameFirst = "华恒宏金鑫中正永盛泰新嘉汇天瑞德东鼎诚安隆富源昌兴广博长远通达联合海明光精远信科佳万荣祥和晨顺";
    private const string TradeNameSecond = "信达远泰昌盛兴源通丰华润辉宇鑫邦业鼎发利腾越茂升凯成福祥康宁威豪峰展创为";

    /// <summary>Every two-character trade name the generator uses; a search for one hits a small fraction of names.</summary>
    public static readonly IReadOnlyList<string> TradeNames =
        (from first in TradeNameFirst.Distinct()
         from second in TradeNameSecond.Distinct()
         where first != second
         select string.Concat(first, second)).ToList();

    public static readonly IReadOnlyList<ChineseIndustry> Industries =
    [
        new("贸易", "批发和零售业"),
        new("建材", "建筑材料"),
        new("物流", "交通运输、仓储和物流"),
        new("化工", "化学原料和化学制品制造"),
        new("机械", "通用设备制造"),
        new("电子科技", "计算机、通信和电子设备制造"),
        new("新材料", "新材料"),
        new("钢铁", "黑色金属冶炼和压延加工"),
        new("水泥", "非金属矿物制品"),
        new("塑胶", "橡胶和塑料制品"),
        new("建设工程", "建筑业"),
        new("装饰工程", "建筑装饰"),
        new("汽车零部件", "汽车制造"),
        new("纺织", "纺织业"),
        new("食品", "食品制造"),
        new("医药", "医药制造"),
        new("环保科技", "生态保护和环境治理"),
        new("能源", "电力、热力生产和供应"),
        new("五金", "金属制品"),
        new("包装", "造纸和纸制品"),
        new("电气", "电气机械和器材制造"),
        new("实业", "综合"),
        new("供应链管理", "商务服务"),
        new("房地产开发", "房地产业"),
    ];

    private static readonly (string Form, int Weight)[] LegalForms =
    [
        ("有限公司", 55), ("有限责任公司", 15), ("股份有限公司", 15), ("集团有限公司", 8), ("实业有限公司", 4), ("商行", 3),
    ];

    private static readonly (string Hanzi, string Ascii)[] Surnames =
    [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
        ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"), ("胡", "hu"),
        ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"), ("梁", "liang"),
        ("谢", "xie"), ("宋", "song"), ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"), ("邓", "deng"),
        ("曹", "cao"), ("彭", "peng"), ("曾", "zeng"), ("萧", "xiao"), ("田", "tian"), ("董", "dong"), ("潘", "pan"),
        ("袁", "yuan"), ("蔡", "cai"), ("蒋", "jiang"), ("余", "yu"), ("杜", "du"), ("叶", "ye"), ("程", "cheng"),
        ("魏", "wei"), ("苏", "su"), ("吕", "lv"), ("丁", "ding"), ("沈", "shen"), ("姚", "yao"), ("卢", "lu"),
        ("欧阳", "ouyang"), ("司马", "sima"), ("诸葛", "zhuge"), ("上官", "shangguan"), ("东方", "dongfang"),
    ];

    private static readonly (string Hanzi, string Ascii)[] GivenNameCharacters =
    [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("涛", "tao"),
        ("明", "ming"), ("超", "chao"), ("秀", "xiu"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("辉", "hui"),
        ("建", "jian"), ("国", "guo"), ("华", "hua"), ("文", "wen"), ("斌", "bin"), ("宇", "yu"), ("浩", "hao"),
        ("婷", "ting"), ("雪", "xue"), ("琳", "lin"), ("鹏", "peng"), ("志", "zhi"), ("红", "hong"), ("海", "hai"),
        ("晓", "xiao"), ("慧", "hui"), ("佳", "jia"), ("欣", "xin"), ("子", "zi"), ("俊", "jun"), ("梅", "mei"),
        ("波", "bo"), ("峰", "feng"), ("颖", "ying"), ("春", "chun"), ("立", "li"), ("庆", "qing"), ("凯", "kai"),
    ];

    private static readonly (string Title, KeyPersonLevel Level)[] KeyPersonTitles =
    [
        ("董事长", KeyPersonLevel.Executive), ("总经理", KeyPersonLevel.Executive), ("执行董事", KeyPersonLevel.Executive),
        ("副总经理", KeyPersonLevel.BusinessManager), ("采购经理", KeyPersonLevel.BusinessManager), ("供应链总监", KeyPersonLevel.BusinessManager),
        ("财务总监", KeyPersonLevel.MiddleManager), ("技术主管", KeyPersonLevel.MiddleManager), ("项目经理", KeyPersonLevel.MiddleManager),
        ("生产部长", KeyPersonLevel.MiddleManager), ("采购专员", KeyPersonLevel.KeyStaff), ("仓储主管", KeyPersonLevel.KeyStaff),
        ("质检工程师", KeyPersonLevel.KeyStaff), ("总经理助理", KeyPersonLevel.KeyStaff),
    ];

    private static readonly string[] Roads =
    [
        "中山路", "人民路", "解放路", "建设路", "长江路", "黄河路", "和平路", "新华路", "文化路", "工业大道", "科技园路", "滨江大道",
        "世纪大道", "延安路", "胜利路", "迎宾大道", "开发区大道", "金融街", "创业路", "高新大道",
    ];

    private static readonly string[] Buildings = ["国际大厦", "商务中心", "科技大厦", "金融广场", "创新园", "产业园"];
    private static readonly string[] Personalities = ["性格开朗，健谈", "稳重务实，重细节", "雷厉风行，决策快", "谨慎保守，重视风险", "注重关系，讲义气", "技术出身，重数据"];
    private static readonly string[] Interests = ["高尔夫", "钓鱼", "茶道", "书法", "足球", "羽毛球", "摄影", "登山", "围棋", "收藏紫砂", "马拉松", "红酒"];
    private static readonly string[] Educations = ["大专", "本科", "本科", "硕士", "MBA", "EMBA", "博士"];
    private static readonly string[] Families = ["已婚，一子", "已婚，一女", "已婚，一子一女", "未婚", "已婚，孩子在读高中", "已婚，孩子留学"];
    private static readonly string[] MailDomains = ["example.cn", "example.com.cn", "mail.example.cn", "corp.example.cn"];
    private static readonly string[] PhonePrefixes = ["13", "15", "17", "18", "19", "16", "14"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _companyNames = new(StringComparer.Ordinal);

    // An odd multiplier coprime to 31 spreads consecutive counters over the code space while staying one-to-one.
    private const long OrganisationCodeSpace = 852_891_037_441; // 31^8
    private const long OrganisationCodeStride = 387_420_489; // 9^9, coprime to 31
    private long _organisationCounter = 1;

    public Random Random => _random;

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(double probability) => _random.NextDouble() < probability;

    public static ChineseCity CityNamed(string name) => Cities.First(c => c.Name == name);

    public static IReadOnlyList<ChineseCity> CitiesIn(string macroRegion) => Cities.Where(c => c.MacroRegion == macroRegion).ToList();

    public static IReadOnlyList<ChineseCity> CitiesInProvinces(params string[] provinces) => Cities.Where(c => provinces.Contains(c.Province)).ToList();

    /// <summary>Marks a name as taken so the generator never produces it (for fixed names used in tests).</summary>
    public bool Reserve(string companyName) => _companyNames.Add(companyName);

    public string TradeName() => Pick(TradeNames);

    public ChineseIndustry Industry() => Pick(Industries);

    /// <summary>A unique name such as 上海华信贸易有限公司: city + 字号 + industry + legal form.</summary>
    public string CompanyName(ChineseCity city, ChineseIndustry industry)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var name = city.Name + TradeName() + industry.NameWord + LegalForm();
            if (_companyNames.Add(name))
                return name;
        }
        // Crowded combinations get a branch or a numbered entity, as real registries do.
        for (var number = 1; ; number++)
        {
            var branch = Pick(Cities).Name;
            var name = number == 1
                ? city.Name + TradeName() + industry.NameWord + "有限公司（" + branch + "）"
                : city.Name + TradeName() + industry.NameWord + "有限公司第" + number.ToString(CultureInfo.InvariantCulture) + "分公司";
            if (_companyNames.Add(name))
                return name;
        }
    }

    private string LegalForm()
    {
        var roll = _random.Next(LegalForms.Sum(f => f.Weight));
        foreach (var (form, weight) in LegalForms)
        {
            if (roll < weight)
                return form;
            roll -= weight;
        }
        return LegalForms[0].Form;
    }

    public ChinesePerson Person()
    {
        var surname = Surnames[_random.Next(Surnames.Length)];
        var first = GivenNameCharacters[_random.Next(GivenNameCharacters.Length)];
        if (_random.Next(3) == 0)
            return new ChinesePerson(surname.Hanzi + first.Hanzi, first.Ascii + "." + surname.Ascii);
        var second = GivenNameCharacters[_random.Next(GivenNameCharacters.Length)];
        return new ChinesePerson(surname.Hanzi + first.Hanzi + second.Hanzi, first.Ascii + second.Ascii + "." + surname.Ascii);
    }

    public string Email(ChinesePerson person) =>
        person.AsciiHandle + (_random.Next(4) == 0 ? _random.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "") + "@" + MailDomains[_random.Next(MailDomains.Length)];

    /// <summary>A mainland mobile number, 1[3-9] followed by nine digits.</summary>
    public string MobilePhone() =>
        PhonePrefixes[_random.Next(PhonePrefixes.Length)] + _random.Next(0, 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    public (string Title, KeyPersonLevel Level) KeyPersonTitle(int rank) => rank switch
    {
        0 => KeyPersonTitles[_random.Next(3)],
        1 => KeyPersonTitles[3 + _random.Next(3)],
        _ => KeyPersonTitles[6 + _random.Next(KeyPersonTitles.Length - 6)],
    };

    public string StreetAddress(ChineseCity city)
    {
        var district = city.Districts[_random.Next(city.Districts.Count)];
        var road = Roads[_random.Next(Roads.Length)];
        var number = _random.Next(1, 1200).ToString(CultureInfo.InvariantCulture);
        var address = city.Name + "市" + district + road + number + "号";
        if (_random.Next(3) == 0)
            address += Buildings[_random.Next(Buildings.Length)] + _random.Next(2, 30).ToString(CultureInfo.InvariantCulture) + "楼";
        return address;
    }

    public string? SupervisingUnit(ChineseCity city, EnterpriseNature nature)
    {
        var authority = city.Name + "市";
        return nature switch
        {
            EnterpriseNature.StateOwned => authority + "人民政府国有资产监督管理委员会",
            EnterpriseNature.Collective => authority + Pick(city.Districts) + "集体资产管理委员会",
            EnterpriseNature.WhollyOwnedSubsidiary or EnterpriseNature.JointVenture => _random.Next(2) == 0 ? authority + "商务局" : null,
            EnterpriseNature.Private or EnterpriseNature.Individual => _random.Next(4) == 0 ? authority + "工商业联合会" : null,
            _ => null,
        };
    }

    public string Personality() => Personalities[_random.Next(Personalities.Length)];

    public string Interest() => Interests[_random.Next(Interests.Length)] + "、" + Interests[_random.Next(Interests.Length)];

    public string Education() => Educations[_random.Next(Educations.Length)];

    public string Family() => Families[_random.Next(Families.Length)];

    /// <summary>
    /// A valid 统一社会信用代码, unique within this generator: the 8-character organisation body encodes a counter
    /// in base 31 over the code alphabet, so codes never collide however many are made.
    /// </summary>
    public string CreditCode(ChineseCity city, EnterpriseNature nature)
    {
        var authorityAndType = nature switch
        {
            EnterpriseNature.Individual => "92",
            EnterpriseNature.Collective => "93",
            _ => "91",
        };
        var scrambled = _organisationCounter++ * OrganisationCodeStride % OrganisationCodeSpace;
        Span<char> body = stackalloc char[8];
        for (var i = 7; i >= 0; i--)
        {
            body[i] = UnifiedSocialCreditCode.Alphabet[(int)(scrambled % 31)];
            scrambled /= 31;
        }
        return UnifiedSocialCreditCode.Compose(authorityAndType, city.DivisionCode, new string(body));
    }

    /// <summary>A grade with the demo distribution A/B/C/D ≈ 10/25/40/25 %.</summary>
    public string Grade() => _random.Next(100) switch
    {
        < 10 => "A",
        < 35 => "B",
        < 75 => "C",
        _ => "D",
    };

    /// <summary>
    /// A complete archive for a company in <paramref name="city"/>. Dates fall within the three years before
    /// <paramref name="today"/>; customers that cooperate have a cooperation start after the first contact.
    /// </summary>
    public CustomerDetails Customer(ChineseCity city, DateOnly today, string? name = null, ChineseIndustry? industry = null)
    {
        industry ??= Industry();
        name ??= CompanyName(city, industry);
        var grade = Grade();
        var nature = Pick(EnterpriseNatures);
        var status = grade == "D"
            ? (_random.Next(10) < 7 ? CustomerStatus.Potential : CustomerStatus.Active)
            : _random.Next(100) switch { < 80 => CustomerStatus.Active, < 92 => CustomerStatus.Dormant, _ => CustomerStatus.Lost };
        var risk = RiskFlags.None;
        if (_random.Next(100) < (status == CustomerStatus.Active ? 6 : 20))
            risk = (RiskFlags)(1 << _random.Next(4)) | (_random.Next(4) == 0 ? RiskFlags.Arrears : RiskFlags.None);
        var firstContact = DateBetween(today.AddYears(-3), today.AddDays(-7));
        DateOnly? cooperationStart = status == CustomerStatus.Potential
            ? null
            : DateBetween(firstContact.AddDays(7), Min(firstContact.AddDays(240), today));
        var capital = Math.Round((decimal)Math.Pow(10, 5 + _random.NextDouble() * 4) / 10_000m, 0) * 10_000m;
        decimal? assets = _random.Next(5) == 0 ? null : Math.Round(capital * (decimal)(1.5 + _random.NextDouble() * 8) / 10_000m, 0) * 10_000m;
        var founded = DateBetween(new DateOnly(1985, 1, 1), today.AddYears(-1));
        return new CustomerDetails(
            name,
            CreditCode(city, nature),
            nature,
            SupervisingUnit(city, nature),
            industry.Label,
            capital,
            assets,
            founded,
            StreetAddress(city),
            city.Region,
            Category(grade),
            grade,
            status,
            risk,
            firstContact,
            cooperationStart);
    }

    private static readonly EnterpriseNature[] EnterpriseNatures =
    [
        EnterpriseNature.Private, EnterpriseNature.Private, EnterpriseNature.Private, EnterpriseNature.Private, EnterpriseNature.Private,
        EnterpriseNature.StateOwned, EnterpriseNature.StateOwned, EnterpriseNature.JointVenture, EnterpriseNature.WhollyOwnedSubsidiary,
        EnterpriseNature.Foreign, EnterpriseNature.Collective, EnterpriseNature.Individual, EnterpriseNature.Other,
    ];

    private CustomerCategory Category(string grade)
    {
        if (grade == "A" && _random.Next(5) == 0)
            return CustomerCategory.StrategicPartner;
        return _random.Next(100) switch
        {
            < 15 => CustomerCategory.FirstTierAgent,
            < 30 => CustomerCategory.SecondTierAgent,
            < 48 => CustomerCategory.Distributor,
            < 58 => CustomerCategory.Retailer,
            < 78 => CustomerCategory.EndUser,
            < 84 => CustomerCategory.Designer,
            < 92 => CustomerCategory.ProjectOwner,
            < 94 => CustomerCategory.StrategicPartner,
            < 97 => CustomerCategory.OtherBrandAgent,
            _ => CustomerCategory.Other,
        };
    }

    /// <summary>Key person number <paramref name="rank"/> (0 = the top executive) with contact data and, often, soft facts.</summary>
    public KeyPersonDetails KeyPerson(int rank, DateOnly today)
    {
        var person = Person();
        var (title, level) = KeyPersonTitle(rank);
        var age = rank == 0 ? _random.Next(38, 66) : _random.Next(26, 56);
        var birthday = new DateOnly(today.Year - age, 1, 1).AddDays(_random.Next(365));
        if (birthday > today.AddYears(-age))
            age--;
        var withSoftFacts = _random.Next(3) > 0;
        return new KeyPersonDetails(
            person.Name,
            title,
            level,
            MobilePhone(),
            _random.Next(5) == 0 ? null : Email(person),
            birthday,
            rank == 0 && _random.Next(2) == 0 ? "公司成立纪念日 " + DateBetween(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)).ToString("MM-dd", CultureInfo.InvariantCulture) : null,
            withSoftFacts ? Personality() : null,
            withSoftFacts ? Interest() : null,
            withSoftFacts ? Education() : null,
            withSoftFacts ? age : null,
            withSoftFacts && _random.Next(2) == 0 ? Family() : null);
    }

    public static readonly IReadOnlyList<string> SegmentTags = ["价格敏感型", "服务敏感型", "技术敏感型"];

    /// <summary>Tags that fit the archive: 重点 for A customers, a sensitivity segment, 展会, 老客户.</summary>
    public IReadOnlyList<string> Tags(CustomerDetails customer, DateOnly today)
    {
        var tags = new List<string>(3);
        if (customer.Grade == "A")
            tags.Add("重点");
        if (customer.Grade is "A" or "B" ? _random.Next(3) > 0 : _random.Next(6) == 0)
            tags.Add(SegmentTags[_random.Next(SegmentTags.Count)]);
        if (_random.Next(8) == 0)
            tags.Add("展会");
        if (customer.CooperationStartOn is { } start && start.AddYears(2) < today)
            tags.Add("老客户");
        return tags;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        from.AddDays(_random.Next(Math.Max(1, to.DayNumber - from.DayNumber + 1)));
}
