#include "checkdigit.h"

namespace dpp::gs1 {

int mod10CheckDigit(std::string_view body)
{
    if (body.empty())
        return -1;
    int sum = 0;
    int weight = 3;
    for (auto it = body.rbegin(); it != body.rend(); ++it) {
        if (*it < '0' || *it > '9')
            return -1;
        sum += (*it - '0') * weight;
        weight = 4 - weight;
    }
    return (10 - sum % 10) % 10;
}

bool hasValidMod10(std::string_view digits)
{
    if (digits.size() < 2)
        return false;
    const char last = digits.back();
    if (last < '0' || last > '9')
        return false;
    return mod10CheckDigit(digits.substr(0, digits.size() - 1)) == last - '0';
}

} // namespace dpp::gs1
