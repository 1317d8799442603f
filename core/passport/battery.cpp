#include "battery.h"

#include <QRegularExpression>

namespace dpp::passport {

namespace {
constexpr AccessGroup P = AccessGroup::Public;
constexpr AccessGroup LI = AccessGroup::LegitimateInterest;
constexpr AccessGroup LIC = AccessGroup::LegitimateInterestAndAuthority;
constexpr AccessGroup NB = AccessGroup::Authority;
} // namespace

const QList<FieldSpec>& Battery::fields()
{
    using T = FieldType;
    // Comments give the Battery Pass longlist v1.2 attribute numbers.
    static const QList<FieldSpec> specs = {
        makeField("category", T::Enum, "Battery category (#9)", 0, 0,
                  {QStringLiteral("ev"), QStringLiteral("lmt"), QStringLiteral("industrial"),
                   QStringLiteral("stationary"), QStringLiteral("portable"), QStringLiteral("sli")},
                  200, P),
        makeField("chemistry", T::Enum, "Battery chemistry (#31)", 0, 0,
                  {QStringLiteral("NMC"), QStringLiteral("NCA"), QStringLiteral("LFP"),
                   QStringLiteral("LMO"), QStringLiteral("LCO"), QStringLiteral("LTO"),
                   QStringLiteral("LMFP"), QStringLiteral("Na-ion"), QStringLiteral("NiMH"),
                   QStringLiteral("lead-acid"), QStringLiteral("alkaline"),
                   QStringLiteral("other")},
                  200, P),
        makeField("model", T::Text, "Battery model identifier (#2)", 0, 0, {}, 200, P),
        makeField("manufacturing_place", T::Text, "Manufacturing place (#5)", 0, 0, {}, 200, P),
        makeField("manufacturing_date", T::YearMonth, "Manufacturing date (#6)", 0, 0, {}, 200, P),
        makeField("weight_kg", T::Number, "Battery mass, kg (#10)", 0, 100000, {}, 200, P),
        makeField("rated_capacity_ah", T::Number, "Rated capacity, Ah (#52)", 0, 1000000, {}, 200,
                  P),
        makeField("rated_energy_kwh", T::Number, "Certified usable energy, kWh (#55)", 0, 100000,
                  {}, 200, P),
        makeField("nominal_voltage_v", T::Number, "Nominal voltage, V (#61)", 0, 10000, {}, 200, P),
        makeField("min_voltage_v", T::Number, "Minimum voltage, V (#59)", 0, 10000, {}, 200, P),
        makeField("max_voltage_v", T::Number, "Maximum voltage, V (#60)", 0, 10000, {}, 200, P),
        makeField("original_power_w", T::Number, "Original power capability, W (#62)", 0, 100000000,
                  {}, 200, P),
        makeField("max_power_w", T::Number, "Maximum permitted power, W (#65)", 0, 100000000, {},
                  200, P),
        makeField("expected_cycle_life", T::Integer,
                  "Expected lifetime, charge-discharge cycles (#77)", 0, 1000000, {}, 200, P),
        makeField("cycle_life_reference_test", T::Text, "Cycle-life reference test (#79)", 0, 0, {},
                  200, P),
        makeField("cycle_life_c_rate", T::Number, "C-rate of cycle-life test (#80)", 0, 100, {},
                  200, P),
        makeField("expected_lifetime_years", T::Number, "Expected lifetime, calendar years (#76)",
                  0, 100, {}, 200, LI),
        makeField("capacity_threshold_exhaustion_pct", T::Percent,
                  "Capacity threshold for exhaustion, % (#83)", 0, 100, {}, 200, P),
        makeField("capacity_fade_pct", T::Percent, "Capacity fade, % (#54)", 0, 100, {}, 200, LI),
        makeField("power_fade_pct", T::Percent, "Power fade, % (#64)", 0, 100, {}, 200, LI),
        makeField("temp_min_c", T::Number, "Idle-state temperature lower bound, °C (#85)", -100,
                  200, {}, 200, P),
        makeField("temp_max_c", T::Number, "Idle-state temperature upper bound, °C (#86)", -100,
                  200, {}, 200, P),
        makeField("initial_round_trip_efficiency_pct", T::Percent,
                  "Initial round trip efficiency, % (#67)", 0, 100, {}, 200, P),
        makeField("round_trip_efficiency_50pct_cycle_life_pct", T::Percent,
                  "Round trip efficiency at 50% of cycle life, % (#68)", 0, 100, {}, 200, P),
        makeField("efficiency_fade_pct", T::Percent, "Energy round trip efficiency fade, % (#70)",
                  0, 100, {}, 200, LI),
        makeField("internal_resistance_cell_mohm", T::Number,
                  "Initial internal resistance, cell, mΩ (#74)", 0, 1000000, {}, 200, P),
        makeField("internal_resistance_pack_mohm", T::Number,
                  "Initial internal resistance, pack, mΩ (#74)", 0, 1000000, {}, 200, P),
        makeField("resistance_increase_pct", T::Number, "Internal resistance increase, % (#75)", 0,
                  1000, {}, 200, LI),
        makeField("self_discharge_pct_per_month", T::Percent,
                  "Initial self-discharge rate, %/month (#71)", 0, 100, {}, 200, LI),
        makeField("warranty_years", T::Number, "Commercial warranty, years (#8)", 0, 100, {}, 200,
                  P),
        makeField("carbon_footprint_kg_co2e_per_kwh", T::Number,
                  "Carbon footprint per functional unit, kg CO2e/kWh (#19)", 0, 100000, {}, 200, P),
        makeField("carbon_footprint_raw_material_pct", T::Percent,
                  "Carbon footprint share: raw material acquisition, % (#20)", 0, 100, {}, 200, P),
        makeField("carbon_footprint_production_pct", T::Percent,
                  "Carbon footprint share: main production, % (#21)", 0, 100, {}, 200, P),
        makeField("carbon_footprint_distribution_pct", T::Percent,
                  "Carbon footprint share: distribution, % (#22)", 0, 100, {}, 200, P),
        makeField("carbon_footprint_end_of_life_pct", T::Percent,
                  "Carbon footprint share: end of life, % (#23)", 0, 100, {}, 200, P),
        makeField(
            "carbon_footprint_class", T::Enum, "Carbon footprint performance class (#24)", 0, 0,
            {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"),
             QStringLiteral("E"), QStringLiteral("F"), QStringLiteral("G")},
            200, P),
        makeField("carbon_footprint_study_url", T::Url, "Public carbon footprint study (#25)", 0, 0,
                  {}, 200, P),
        makeField("lithium_kg", T::Number, "Lithium content, kg", 0, 100000, {}, 200, P),
        makeField("cobalt_kg", T::Number, "Cobalt content, kg", 0, 100000, {}, 200, P),
        makeField("nickel_kg", T::Number, "Nickel content, kg", 0, 100000, {}, 200, P),
        makeField("lead_kg", T::Number, "Lead content, kg", 0, 100000, {}, 200, P),
        makeField("natural_graphite_kg", T::Number, "Natural graphite content, kg", 0, 100000, {},
                  200, P),
        makeField("cadmium_present", T::Boolean, "Contains cadmium > 0.002 % (#13)", 0, 0, {}, 200,
                  P),
        makeField("lead_present", T::Boolean, "Contains lead > 0.004 % (#13)", 0, 0, {}, 200, P),
        makeField("critical_raw_materials", T::Text, "Critical raw materials (#32)", 0, 0, {}, 1000,
                  P),
        makeField("hazardous_substances", T::Text, "Hazardous substances (#34)", 0, 0, {}, 2000, P),
        makeField("cathode_material", T::Text, "Cathode materials (#33)", 0, 0, {}, 1000, LIC),
        makeField("anode_material", T::Text, "Anode materials (#33)", 0, 0, {}, 1000, LIC),
        makeField("electrolyte_material", T::Text, "Electrolyte materials (#33)", 0, 0, {}, 1000,
                  LIC),
        makeField("recycled_cobalt_pct", T::Percent, "Recycled content: cobalt, % (#40-41)", 0, 100,
                  {}, 200, P),
        makeField("recycled_lithium_pct", T::Percent, "Recycled content: lithium, % (#42-43)", 0,
                  100, {}, 200, P),
        makeField("recycled_nickel_pct", T::Percent, "Recycled content: nickel, % (#44-45)", 0, 100,
                  {}, 200, P),
        makeField("recycled_lead_pct", T::Percent, "Recycled content: lead, % (#46-47)", 0, 100, {},
                  200, P),
        makeField("renewable_content_pct", T::Percent, "Renewable content share, % (#48)", 0, 100,
                  {}, 200, P),
        makeField("un_number", T::Text, "UN number for transport (e.g. UN3480)", 0, 0, {}, 6, P),
        makeField("extinguishing_agent", T::Text, "Extinguishing agent (#15)", 0, 0, {}, 200, P),
        makeField("removable", T::Boolean, "Removable by the end user (Art. 11)", 0, 0, {}, 200, P),
        makeField("replaceable", T::Boolean, "Replaceable by an independent professional (Art. 11)",
                  0, 0, {}, 200, P),
        makeField("declaration_of_conformity_url", T::Url, "EU declaration of conformity (#17)", 0,
                  0, {}, 200, P),
        makeField("due_diligence_report_url", T::Url, "Due diligence report (#28)", 0, 0, {}, 200,
                  P),
        makeField("waste_prevention_info", T::Text, "End-user role in waste prevention (#49)", 0, 0,
                  {}, 2000, P),
        makeField("separate_collection_info", T::Text, "Separate collection information (#50)", 0,
                  0, {}, 2000, P),
        makeField("dismantling_manual_url", T::Url, "Dismantling information (#36)", 0, 0, {}, 200,
                  LIC),
        makeField("spare_parts_source", T::Text, "Sources of spare parts (#38)", 0, 0, {}, 1000,
                  LIC),
        makeField("part_numbers", T::Text, "Part numbers for components (#37)", 0, 0, {}, 1000,
                  LIC),
        makeField("safety_measures", T::Text, "Safety measures (#39)", 0, 0, {}, 2000, LIC),
        makeField("test_report_url", T::Url, "Results of test reports (#18)", 0, 0, {}, 200, NB),
    };
    return specs;
}

QStringList Battery::mandatoryFields(const QString& category, std::optional<double> ratedEnergyKwh)
{
    // x x x x in the longlist (mandatory for EV, LMT, industrial > 2 kWh and stationary).
    static const QStringList common = {"category",
                                       "chemistry",
                                       "manufacturing_place",
                                       "manufacturing_date",
                                       "weight_kg",
                                       "warranty_years",
                                       "cadmium_present",
                                       "lead_present",
                                       "extinguishing_agent",
                                       "declaration_of_conformity_url",
                                       "test_report_url",
                                       "carbon_footprint_kg_co2e_per_kwh",
                                       "carbon_footprint_raw_material_pct",
                                       "carbon_footprint_production_pct",
                                       "carbon_footprint_distribution_pct",
                                       "carbon_footprint_end_of_life_pct",
                                       "carbon_footprint_class",
                                       "carbon_footprint_study_url",
                                       "due_diligence_report_url",
                                       "critical_raw_materials",
                                       "cathode_material",
                                       "anode_material",
                                       "electrolyte_material",
                                       "hazardous_substances",
                                       "dismantling_manual_url",
                                       "part_numbers",
                                       "spare_parts_source",
                                       "safety_measures",
                                       "recycled_cobalt_pct",
                                       "recycled_lithium_pct",
                                       "recycled_nickel_pct",
                                       "recycled_lead_pct",
                                       "renewable_content_pct",
                                       "waste_prevention_info",
                                       "separate_collection_info",
                                       "rated_capacity_ah",
                                       "capacity_fade_pct",
                                       "min_voltage_v",
                                       "max_voltage_v",
                                       "nominal_voltage_v",
                                       "original_power_w",
                                       "power_fade_pct",
                                       "max_power_w",
                                       "initial_round_trip_efficiency_pct",
                                       "round_trip_efficiency_50pct_cycle_life_pct",
                                       "efficiency_fade_pct",
                                       "internal_resistance_cell_mohm",
                                       "internal_resistance_pack_mohm",
                                       "resistance_increase_pct",
                                       "expected_lifetime_years",
                                       "expected_cycle_life",
                                       "cycle_life_reference_test",
                                       "cycle_life_c_rate",
                                       "temp_min_c",
                                       "temp_max_c"};
    if (category == u"ev")
        return common + QStringList{QStringLiteral("capacity_threshold_exhaustion_pct")}; // #83
    if (category == u"lmt" || category == u"stationary")
        return common;
    if (category == u"industrial")
        return ratedEnergyKwh && *ratedEnergyKwh <= 2 ? QStringList() : common;
    return {}; // portable, sli, unknown: no battery passport required
}

FieldErrors Battery::missingMandatory(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    const QString category = json.value(QStringLiteral("category")).toString();
    if (category.isEmpty()) {
        errors.append({joinPath(prefix, QStringLiteral("category")),
                       QStringLiteral("is required: the mandatory fields depend on it")});
        return errors;
    }
    const QJsonValue energy = json.value(QStringLiteral("rated_energy_kwh"));
    const auto required = mandatoryFields(
        category, energy.isDouble() ? std::optional<double>(energy.toDouble()) : std::nullopt);
    for (const QString& key : required) {
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty()))
            errors.append({joinPath(prefix, key),
                           QStringLiteral("is required for a %1 battery passport").arg(category)});
    }
    return errors;
}

FieldErrors Battery::validate(const QJsonObject& json, const QString& prefix)
{
    FieldErrors errors;
    validateObject(json, fields(), prefix, errors,
                   {QStringLiteral("category"), QStringLiteral("chemistry")});
    auto num = [&](const char* key) { return json.value(QLatin1String(key)); };
    const QJsonValue lo = num("min_voltage_v"), nom = num("nominal_voltage_v"),
                     hi = num("max_voltage_v");
    if (lo.isDouble() && hi.isDouble() && lo.toDouble() > hi.toDouble())
        errors.append({joinPath(prefix, QStringLiteral("min_voltage_v")),
                       QStringLiteral("must not exceed max_voltage_v")});
    if (nom.isDouble() && ((lo.isDouble() && nom.toDouble() < lo.toDouble()) ||
                           (hi.isDouble() && nom.toDouble() > hi.toDouble())))
        errors.append({joinPath(prefix, QStringLiteral("nominal_voltage_v")),
                       QStringLiteral("must lie between min_voltage_v and max_voltage_v")});
    const QJsonValue tmin = num("temp_min_c"), tmax = num("temp_max_c");
    if (tmin.isDouble() && tmax.isDouble() && tmin.toDouble() > tmax.toDouble())
        errors.append({joinPath(prefix, QStringLiteral("temp_min_c")),
                       QStringLiteral("must not exceed temp_max_c")});
    const QJsonValue un = num("un_number");
    if (un.isString() && !un.toString().isEmpty() &&
        !QRegularExpression(QStringLiteral("^UN[0-9]{4}$")).match(un.toString()).hasMatch())
        errors.append({joinPath(prefix, QStringLiteral("un_number")),
                       QStringLiteral("must be \"UN\" followed by four digits, e.g. UN3480")});
    return errors;
}

} // namespace dpp::passport
