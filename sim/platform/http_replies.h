#pragma once
// The sandbox server's replies in the contract's shape (docs/platform-api.md): JSON bodies, the
// error object with its stable code and the patient's words in Chinese and English, strict
// request parsing, and who the caller is (its client certificate). Internal to sim/platform.

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "common/error.h"

namespace lobby::sim::http {

using nlohmann::json;

void sendError(httplib::Response& response, int status, const std::string& code,
               const std::string& zh, const std::string& en, bool retryable = false);
void sendJson(httplib::Response& response, const json& body, int status = 200);
// A store's refusal as the contract's HTTP status and words for its code (503 if unknown).
void sendRefusal(httplib::Response& response, const Error& error);
// The request's JSON object with every `required` field a non-empty string, or nullopt after
// replying 400.
std::optional<json> parseBody(const httplib::Request& request, httplib::Response& response,
                              std::initializer_list<const char*> required);
// The request's Idempotency-Key, or nullopt after replying 400 (calls that move money,
// bookings or patients need one).
std::optional<std::string> idempotencyKey(const httplib::Request& request,
                                          httplib::Response& response);
// The CN of the client certificate the caller authenticated with; empty without one.
std::string peerCommonName(const httplib::Request& request);
// Whether the caller's certificate carries the administrators' extended key usage.
bool peerIsAdmin(const httplib::Request& request);

}  // namespace lobby::sim::http
