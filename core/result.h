// Result<T>: how core reports errors a user can cause, without exceptions.
// An Error names the field (param) and says what is wrong, so CLI, API and GUI
// can all show it the same way ({"error":{"type","message","code","param"}}).
#pragma once

#include <QString>
#include <optional>
#include <utility>
#include <variant>

namespace dpp {

struct Error
{
    QString param;   // field or JSON path the error is about; empty when none
    QString message; // human readable, already specific ("check digit should be 2, got 7")
    QString code;    // stable machine code ("invalid_check_digit"); empty = "invalid"
};

template <typename T> class Result
{
public:
    Result(T value) : m_data(std::move(value)) {}
    Result(Error error) : m_data(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T& value() const& { return std::get<T>(m_data); }
    T&& value() && { return std::get<T>(std::move(m_data)); }
    const T& operator*() const& { return value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

// For operations that return nothing on success.
struct Ok
{
};
using Status = Result<Ok>;

} // namespace dpp
