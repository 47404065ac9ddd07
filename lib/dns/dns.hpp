// dns.hpp
#pragma once
