#include "battery.h"

#include <QRegularExpression>

namespace dpp::passport {

namespace {
FieldSpec spec(const char* key, FieldType type, double min, double max, AccessGroup access,
               const char* label, QStringList values = {}, int maxLength = 200)
{
    FieldSpec s;
    s.key = QString::fromLatin1(key);
    s.type = type;
    s.min = min;
    s.max = max;
    s.values = std::move(values);
    s.maxLength = maxLength;
    s.access = access;
    s.dataClass = access == AccessGroup::Public ? DataClass::Public : DataClass::Restricted;
    s.label = QString::fromUtf8(label);
    return s;
}
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
        spec("category", T::Enum, 0, 0, P, "Battery category (#9)",
             {QStringLiteral("ev"), QStringLiteral("lmt"), QStringLiteral("industrial"),
              QStringLiteral("stationary"), QStringLiteral("portable"), QStringLiteral("sli")}),
        spec("chemistry", T::Enum, 0, 0, P, "Battery chemistry (#31)",
             {QStringLiteral("NMC"), QStringLiteral("NCA"), QStringLiteral("LFP"),
              QStringLiteral("LMO"), QStringLiteral("LCO"), QStringLiteral("LTO"),
              QStringLiteral("LMFP"), QStringLiteral("Na-ion"), QStringLiteral("NiMH"),
              QStringLiteral("lead-acid"), QStringLiteral("alkaline"), QStringLiteral("other")}),
        spec("model", T::Text, 0, 0, P, "Battery model identifier (#2)"),
        spec("manufacturing_place", T::Text, 0, 0, P, "Manufacturing place (#5)"),
        spec("manufacturing_date", T::YearMonth, 0, 0, P, "Manufacturing date (#6)"),
        spec("weight_kg", T::Number, 0, 100000, P, "Battery mass, kg (#10)"),
        spec("rated_capacity_ah", T::Number, 0, 1000000, P, "Rated capacity, Ah (#52)"),
        spec("rated_energy_kwh", T::Number, 0, 100000, P, "Certified usable energy, kWh (#55)"),
        spec("nominal_voltage_v", T::Number, 0, 10000, P, "Nominal voltage, V (#61)"),
        spec("min_voltage_v", T::Number, 0, 10000, P, "Minimum voltage, V (#59)"),
        spec("max_voltage_v", T::Number, 0, 10000, P, "Maximum voltage, V (#60)"),
        spec("original_power_w", T::Number, 0, 100000000, P, "Original power capability, W (#62)"),
        spec("max_power_w", T::Number, 0, 100000000, P, "Maximum permitted power, W (#65)"),
        spec("expected_cycle_life", T::Integer, 0, 1000000, P,
             "Expected lifetime, charge-discharge cycles (#77)"),
        spec("cycle_life_reference_test", T::Text, 0, 0, P, "Cycle-life reference test (#79)"),
        spec("cycle_life_c_rate", T::Number, 0, 100, P, "C-rate of cycle-life test (#80)"),
        spec("expected_lifetime_years", T::Number, 0, 100, LI,
             "Expected lifetime, calendar years (#76)"),
        spec("capacity_threshold_exhaustion_pct", T::Percent, 0, 100, P,
             "Capacity threshold for exhaustion, % (#83)"),
        spec("capacity_fade_pct", T::Percent, 0, 100, LI, "Capacity fade, % (#54)"),
        spec("power_fade_pct", T::Percent, 0, 100, LI, "Power fade, % (#64)"),
        spec("temp_min_c", T::Number, -100, 200, P, "Idle-state temperature lower bound, °C (#85)"),
        spec("temp_max_c", T::Number, -100, 200, P, "Idle-state temperature upper bound, °C (#86)"),
        spec("initial_round_trip_efficiency_pct", T::Percent, 0, 100, P,
             "Initial round trip efficiency, % (#67)"),
        spec("round_trip_efficiency_50pct_cycle_life_pct", T::Percent, 0, 100, P,
             "Round trip efficiency at 50% of cycle life, % (#68)"),
        spec("efficiency_fade_pct", T::Percent, 0, 100, LI,
             "Energy round trip efficiency fade, % (#70)"),
        spec("internal_resistance_cell_mohm", T::Number, 0, 1000000, P,
             "Initial internal resistance, cell, mΩ (#74)"),
        spec("internal_resistance_pack_mohm", T::Number, 0, 1000000, P,
             "Initial internal resistance, pack, mΩ (#74)"),
        spec("resistance_increase_pct", T::Number, 0, 1000, LI,
             "Internal resistance increase, % (#75)"),
        spec("self_discharge_pct_per_month", T::Percent, 0, 100, LI,
             "Initial self-discharge rate, %/month (#71)"),
        spec("warranty_years", T::Number, 0, 100, P, "Commercial warranty, years (#8)"),
        spec("carbon_footprint_kg_co2e_per_kwh", T::Number, 0, 100000, P,
             "Carbon footprint per functional unit, kg CO2e/kWh (#19)"),
        spec("carbon_footprint_raw_material_pct", T::Percent, 0, 100, P,
             "Carbon footprint share: raw material acquisition, % (#20)"),
        spec("carbon_footprint_production_pct", T::Percent, 0, 100, P,
             "Carbon footprint share: main production, % (#21)"),
        spec("carbon_footprint_distribution_pct", T::Percent, 0, 100, P,
             "Carbon footprint share: distribution, % (#22)"),
        spec("carbon_footprint_end_of_life_pct", T::Percent, 0, 100, P,
             "Carbon footprint share: end of life, % (#23)"),
        spec("carbon_footprint_class", T::Enum, 0, 0, P, "Carbon footprint performance class (#24)",
             {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D"),
              QStringLiteral("E"), QStringLiteral("F"), QStringLiteral("G")}),
        spec("carbon_footprint_study_url", T::Url, 0, 0, P, "Public carbon footprint study (#25)"),
        spec("lithium_kg", T::Number, 0, 100000, P, "Lithium content, kg"),
        spec("cobalt_kg", T::Number, 0, 100000, P, "Cobalt content, kg"),
        spec("nickel_kg", T::Number, 0, 100000, P, "Nickel content, kg"),
        spec("lead_kg", T::Number, 0, 100000, P, "Lead content, kg"),
        spec("natural_graphite_kg", T::Number, 0, 100000, P, "Natural graphite content, kg"),
        spec("cadmium_present", T::Boolean, 0, 0, P, "Contains cadmium > 0.002 % (#13)"),
        spec("lead_present", T::Boolean, 0, 0, P, "Contains lead > 0.004 % (#13)"),
        spec("critical_raw_materials", T::Text, 0, 0, P, "Critical raw materials (#32)", {}, 1000),
        spec("hazardous_substances", T::Text, 0, 0, P, "Hazardous substances (#34)", {}, 2000),
        spec("cathode_material", T::Text, 0, 0, LIC, "Cathode materials (#33)", {}, 1000),
        spec("anode_material", T::Text, 0, 0, LIC, "Anode materials (#33)", {}, 1000),
        spec("electrolyte_material", T::Text, 0, 0, LIC, "Electrolyte materials (#33)", {}, 1000),
        spec("recycled_cobalt_pct", T::Percent, 0, 100, P, "Recycled content: cobalt, % (#40-41)"),
        spec("recycled_lithium_pct", T::Percent, 0, 100, P,
             "Recycled content: lithium, % (#42-43)"),
        spec("recycled_nickel_pct", T::Percent, 0, 100, P, "Recycled content: nickel, % (#44-45)"),
        spec("recycled_lead_pct", T::Percent, 0, 100, P, "Recycled content: lead, % (#46-47)"),
        spec("renewable_content_pct", T::Percent, 0, 100, P, "Renewable content share, % (#48)"),
        spec("un_number", T::Text, 0, 0, P, "UN number for transport (e.g. UN3480)", {}, 6),
        spec("extinguishing_agent", T::Text, 0, 0, P, "Extinguishing agent (#15)"),
        spec("removable", T::Boolean, 0, 0, P, "Removable by the end user (Art. 11)"),
        spec("replaceable", T::Boolean, 0, 0, P,
             "Replaceable by an independent professional (Art. 11)"),
        spec("declaration_of_conformity_url", T::Url, 0, 0, P,
             "EU declaration of conformity (#17)"),
        spec("due_diligence_report_url", T::Url, 0, 0, P, "Due diligence report (#28)"),
        spec("waste_prevention_info", T::Text, 0, 0, P, "End-user role in waste prevention (#49)",
             {}, 2000),
        spec("separate_collection_info", T::Text, 0, 0, P, "Separate collection information (#50)",
             {}, 2000),
        spec("dismantling_manual_url", T::Url, 0, 0, LIC, "Dismantling information (#36)"),
        spec("spare_parts_source", T::Text, 0, 0, LIC, "Sources of spare parts (#38)", {}, 1000),
        spec("part_numbers", T::Text, 0, 0, LIC, "Part numbers for components (#37)", {}, 1000),
        spec("safety_measures", T::Text, 0, 0, LIC, "Safety measures (#39)", {}, 2000),
        spec("test_report_url", T::Url, 0, 0, NB, "Results of test reports (#18)"),
    };
    return specs;
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
