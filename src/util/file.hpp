// Reading files defensively: regular files only, size checked before reading.
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace bbg::util {

struct FileRead {
  std::string content;             // the bytes, when `error` is empty
  std::optional<std::string> error;  // why the file was not read, in the user's terms
  bool too_large = false;          // the file is bigger than the limit
};

enum class Follow { yes, no };

// Reads a regular file of at most `max_bytes` bytes, following a symbolic link at `path` unless
// Follow::no (then a link there is an error). Directories, devices, FIFOs, dangling links and
// unreadable files come back as an error, never an exception.
// `kind` names what the file should be in messages ("is a directory, not a plan file").
FileRead read_regular_file(const std::filesystem::path& path, std::size_t max_bytes, Follow follow = Follow::yes,
                           std::string_view kind = "plan file");

}  // namespace bbg::util
